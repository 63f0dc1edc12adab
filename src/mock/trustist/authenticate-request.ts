import type { IncomingMessage } from 'node:http';
import type { Authenticated, AuthSettings } from './auth-types.ts';
import { NOTHING_TO_VERIFY } from './auth-types.ts';
import { authenticateHawk } from './hawk-authenticator.ts';
import { authenticateHmac } from './hmac-authenticator.ts';
import { unauthorized } from './trustist-problem.ts';

/**
 * Judges the Authorization header with the one scheme the mock was started with: a client that
 * signs with the other scheme is told so, because a mock that silently accepted both could not
 * show a developer that their configured scheme is the wrong one.
 */
export async function authenticateRequest(req: IncomingMessage, settings: AuthSettings): Promise<Authenticated> {
  const header = req.headers.authorization;
  const { scheme, fault } = settings;
  const challenge = scheme === 'hawk' ? 'Hawk' : 'HMAC-SHA256';
  if (header === undefined || header.trim() === '') {
    if (fault === 'auth-missing-accepted' || (req.method === 'GET' && fault === 'auth-missing-accepted-on-reads')) {
      return { key: settings.keyring.primary, verifyBody: NOTHING_TO_VERIFY };
    }
    throw unauthorized(`the request carries no Authorization header; sign it with the ${challenge} scheme`, challenge);
  }
  const isHmac = /^HMAC-SHA256(\s|$)/i.test(header);
  if (scheme === 'hawk') {
    if (isHmac) throw unauthorized('the HMAC-SHA256 scheme is not enabled on this mock (it accepts Hawk); sign with Hawk', challenge);
    return authenticateHawk(req, settings);
  }
  if (!isHmac) throw unauthorized('this mock accepts the HMAC-SHA256 scheme only (it was started with auth hmac-sha256)', challenge);
  return authenticateHmac(req, header, settings);
}
