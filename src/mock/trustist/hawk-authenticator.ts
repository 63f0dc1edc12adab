import type { IncomingMessage } from 'node:http';
import Hawk from '@hapi/hawk';
import type { Authenticated, AuthSettings } from './auth-types.ts';
import { NOTHING_TO_VERIFY } from './auth-types.ts';
import { unauthorized } from './trustist-problem.ts';

// The vendor's authentication page: Hawk 1, sha256, a payload hash for bodies. The server side
// is @hapi/hawk's, so the mock checks Hawk the way the reference implementation does; what the
// library leaves to the application (the clock, what a failure looks like, whether the payload
// hash is required, the nonce cache) is decided here, as a careful Hawk server decides it: a
// stand-in that accepted an unhashed body or a replay would hide a client that gets them wrong.

export const SKEW_SEC = 60;

/** Methods whose requests may carry a body: a strict server wants the hash even when it is empty. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

interface HawkFailure {
  message?: string;
  credentials?: Hawk.server.Credentials;
  artifacts?: { id?: string };
  output?: { headers?: Record<string, unknown> };
}

/**
 * @hapi/hawk's check against the keyring. Functions of their own, not closures: tsx, with
 * keepNames, renames every named closure it creates, on every request.
 */
function hawkAuthenticate(req: IncomingMessage, settings: AuthSettings, timestampSkewSec: number): Promise<Hawk.server.Authentication> {
  // Hawk reads the host's clock; the offset makes it read the mock's (tests move time).
  return Hawk.server.authenticate(req, credentialsOf(settings.keyring), { timestampSkewSec, localtimeOffsetMsec: settings.clock() - Date.now() });
}

const CREDENTIALS = new WeakMap<AuthSettings['keyring'], Hawk.server.CredentialsFunc>();

function credentialsOf(keyring: AuthSettings['keyring']): Hawk.server.CredentialsFunc {
  let found = CREDENTIALS.get(keyring);
  if (!found) {
    // null is @hapi/hawk's documented "unknown id" answer, which its typings leave out.
    found = ((id: string): Hawk.server.Credentials | null => {
      const key = keyring.byId.get(id);
      return key ? { key: key.secret, algorithm: 'sha256', user: key.id } : null;
    }) as Hawk.server.CredentialsFunc;
    CREDENTIALS.set(keyring, found);
  }
  return found;
}

export async function authenticateHawk(req: IncomingMessage, settings: AuthSettings): Promise<Authenticated> {
  const { keyring, fault } = settings;
  let auth: Hawk.server.Authentication;
  try {
    // Hawk judges the timestamp last, after the MAC: a request refused only for it is one
    // auth-timestamp-unchecked accepts, so only there is the fault consulted (fault-reach.ts).
    auth = await hawkAuthenticate(req, settings, SKEW_SEC).catch((error: HawkFailure) => {
      if (error.message === 'Stale timestamp' && fault === 'auth-timestamp-unchecked') return hawkAuthenticate(req, settings, Infinity);
      throw error;
    });
  } catch (error) {
    const failure = error as HawkFailure;
    if (failure.message === 'Unknown credentials' && fault === 'auth-unknown-key-accepted') return { key: keyring.primary, verifyBody: NOTHING_TO_VERIFY };
    if (failure.message === 'Bad mac' && failure.credentials && fault === 'auth-mac-ignored') {
      return { key: keyring.byId.get(failure.credentials.user)!, verifyBody: NOTHING_TO_VERIFY };
    }
    throw unauthorized(`the Hawk credentials were refused: ${failure.message ?? 'unreadable Authorization header'}`, challenge(failure));
  }
  const { credentials, artifacts } = auth;
  // Hawk compares ts only arithmetically, so "ts=abc" (NaN) would pass its staleness check.
  if (!/^\d{1,15}$/.test(String(artifacts.ts))) throw unauthorized('the Hawk ts attribute must be unix seconds', 'Hawk');
  const method = (req.method ?? '').toUpperCase();
  if (!artifacts.hash && !settings.hawkLenient && (BODY_METHODS.has(method) || declaresBody(req))) {
    throw unauthorized(
      `a ${method} request must carry the Hawk payload hash (hash="..."), an empty body's included; sign the body with the request`,
      'Hawk error="Missing payload hash"',
    );
  }
  // A request refused by a header check above does not use up its nonce: corrected, it may be sent again.
  const fresh = settings.nonces.use(credentials.user, Number(artifacts.ts), artifacts.nonce, Math.floor(settings.clock() / 1000));
  if (!fresh && fault !== 'auth-hawk-replay-accepted') {
    throw unauthorized('this Hawk nonce was already used with this timestamp: a replayed request; sign every request afresh', 'Hawk error="Invalid nonce"');
  }
  const key = keyring.byId.get(credentials.user)!;
  const contentType = req.headers['content-type'] ?? '';
  return {
    key,
    verifyBody(body) {
      // Without a hash (GET, or --hawk-lenient) there is nothing to compare; with one, it must match the body.
      if (!artifacts.hash) return;
      try {
        // The hash covers the bytes as sent: decoding first would let invalid UTF-8 mismatch its own hash.
        Hawk.server.authenticatePayload(body as unknown as string, credentials, artifacts, contentType);
      } catch {
        if (fault === 'auth-body-hash-ignored') return;
        throw unauthorized('the request body does not match the Hawk payload hash', 'Hawk error="Bad payload hash"');
      }
    },
  };
}

/** Hawk's own challenge when it gave one (a stale timestamp carries the server time to resync with). */
function challenge(failure: HawkFailure): string {
  const header = failure.output?.headers?.['WWW-Authenticate'];
  return typeof header === 'string' && header.startsWith('Hawk') ? header : 'Hawk';
}

/** A body is coming: a length above zero, or one sent in chunks. */
function declaresBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}
