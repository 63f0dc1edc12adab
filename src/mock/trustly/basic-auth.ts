import { hash, timingSafeEqual } from 'node:crypto';
import type { TrustlyFaultName } from './faults.ts';
import type { Merchant } from './merchant-credentials.ts';
import { ERROR_CODES, unauthorized } from './trustly-problem.ts';

// The mock parses Basic credentials itself, never through src/auth: sharing the suite's signer
// would let a bug there agree with itself on both sides (design.md, "two independent oracles").

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The merchant whose accessId and accessKey the Authorization header carries, or a 401 problem. */
export function authenticate(header: string | undefined, merchants: readonly [Merchant, ...Merchant[]], fault: TrustlyFaultName | undefined): Merchant {
  if (header === undefined || header.trim() === '') {
    if (fault === 'auth-optional') return merchants[0];
    throw unauthorized(ERROR_CODES.security, 'The request carries no credentials; send HTTP Basic authentication with the accessId as user name and the accessKey as password.');
  }
  const pair = decodeBasic(header);
  if (!pair) {
    throw unauthorized(ERROR_CODES.security, 'The Authorization header is not HTTP Basic credentials of the form "Basic base64(accessId:accessKey)".');
  }
  // Compare against every merchant, without stopping at the first match, so the time taken does
  // not tell which accessIds exist. Digests of equal length make each comparison constant-time
  // whatever the lengths (as http-kit's safeEqual); the caller's are taken once, the merchants'
  // once per merchant: eight SHA-256s a request were the mock's largest cost of its own (bench/).
  const accessId = digest(pair.accessId);
  const accessKey = digest(pair.accessKey);
  let found: Merchant | undefined;
  for (const merchant of merchants) {
    const known = digestsOf(merchant);
    const idMatches = timingSafeEqual(accessId, known.accessId) && pair.accessId.length === merchant.accessId.length;
    const keyMatches = timingSafeEqual(accessKey, known.accessKey) && pair.accessKey.length === merchant.accessKey.length;
    if (idMatches && (keyMatches || fault === 'auth-key-unchecked')) found = merchant;
  }
  // One message for an unknown accessId and a wrong accessKey: the caller learns neither.
  if (!found) throw unauthorized(ERROR_CODES.accessControl, 'Access denied: the accessId or accessKey is not valid.');
  return found;
}

function digest(secret: string): Buffer {
  return hash('sha256', secret, 'buffer');
}

const DIGESTS = new WeakMap<Merchant, { accessId: Buffer; accessKey: Buffer; of: string }>();

/** A merchant's digests, computed again only if its credentials were changed since. */
function digestsOf(merchant: Merchant): { accessId: Buffer; accessKey: Buffer } {
  const of = `${merchant.accessId}:${merchant.accessKey}`;
  let known = DIGESTS.get(merchant);
  if (known?.of !== of) {
    known = { accessId: digest(merchant.accessId), accessKey: digest(merchant.accessKey), of };
    DIGESTS.set(merchant, known);
  }
  return known;
}

function decodeBasic(header: string): { accessId: string; accessKey: string } | undefined {
  const match = /^basic +(\S+) *$/i.exec(header);
  const token = match?.[1];
  if (token === undefined || !BASE64.test(token) || token.length % 4 === 1) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(token, 'base64'));
  } catch {
    return undefined;
  }
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  return { accessId: text.slice(0, colon), accessKey: text.slice(colon + 1) };
}
