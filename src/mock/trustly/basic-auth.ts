import { hash, timingSafeEqual } from 'node:crypto';
import type { TrustlyFaultName } from './faults.ts';
import type { Merchant } from './merchant-credentials.ts';
import { ERROR_CODES, unauthorized } from './trustly-problem.ts';

// The mock parses Basic credentials itself, never through src/auth: sharing the suite's signer
// would let a bug there agree with itself on both sides (design.md, "two independent oracles").

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Reused: a decode() without `stream` starts afresh. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The merchant whose accessId and accessKey the Authorization header carries, or a 401 problem. */
export function authenticate(header: string | undefined, merchants: readonly [Merchant, ...Merchant[]], fault: TrustlyFaultName | undefined): Merchant {
  if (header === undefined || header.trim() === '') {
    if (fault === 'auth-optional') return merchants[0];
    throw unauthorized(ERROR_CODES.security, 'The request carries no credentials; send HTTP Basic authentication with the accessId as user name and the accessKey as password.');
  }
  // The header exactly as a client built from a merchant's credentials sends it: one digest of
  // the whole header, compared with every merchant's, answers the common case without decoding.
  // It takes the same time whichever merchant matches, or none; a miss goes the full way below.
  // A header once accepted this way is remembered, so a client's every later request skips the
  // digest too (a SHA-256 a request, the largest part of authenticating); only a header that
  // matched is ever remembered, so a wrong one still takes the full way and learns nothing.
  // Under auth-key-unchecked the full way picks the last merchant with the accessId, whatever the
  // key: for an exact header that is the same merchant unless another shares its accessId, the
  // only case where the fault is consulted here.
  const accepted = acceptedHeaders(merchants);
  const remembered = accepted.get(header);
  if (remembered && digestsOf(remembered).headerText === header && answersExact(remembered, merchants, fault)) return remembered;
  const whole = digest(header);
  let exact: Merchant | undefined;
  for (const merchant of merchants) {
    const known = digestsOf(merchant).header;
    if (known && timingSafeEqual(whole, known)) exact = merchant;
  }
  if (exact && answersExact(exact, merchants, fault)) {
    accepted.set(header, exact);
    return exact;
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

/** Whether the exact header's merchant is the answer: under auth-key-unchecked, not when another merchant shares its accessId. */
function answersExact(merchant: Merchant, merchants: readonly Merchant[], fault: TrustlyFaultName | undefined): boolean {
  for (const other of merchants) if (other !== merchant && other.accessId === merchant.accessId && fault === 'auth-key-unchecked') return false;
  return true;
}

function digest(secret: string): Buffer {
  return hash('sha256', secret, 'buffer');
}

interface MerchantDigests {
  accessId: Buffer;
  accessKey: Buffer;
  /**
   * Of `Basic base64(accessId:accessKey)`, the canonical header; undefined when decoding that
   * header would not give back these credentials (a colon in the accessId, a lone surrogate).
   */
  header: Buffer | undefined;
  /** That header itself. */
  headerText: string | undefined;
  /** The credentials these were made from. */
  of: { accessId: string; accessKey: string };
}

const DIGESTS = new WeakMap<Merchant, MerchantDigests>();

/**
 * A merchant's digests, computed again only if its credentials were changed since (compared as
 * they are: joining them afresh for the comparison cost a string on every request).
 */
function digestsOf(merchant: Merchant): MerchantDigests {
  let known = DIGESTS.get(merchant);
  if (known?.of.accessId !== merchant.accessId || known.of.accessKey !== merchant.accessKey) {
    const of = `${merchant.accessId}:${merchant.accessKey}`;
    const bytes = Buffer.from(of, 'utf8');
    const faithful = !merchant.accessId.includes(':') && bytes.toString('utf8') === of;
    const headerText = faithful ? `Basic ${bytes.toString('base64')}` : undefined;
    const header = headerText === undefined ? undefined : digest(headerText);
    known = { accessId: digest(merchant.accessId), accessKey: digest(merchant.accessKey), header, headerText, of: { accessId: merchant.accessId, accessKey: merchant.accessKey } };
    DIGESTS.set(merchant, known);
  }
  return known;
}

const ACCEPTED = new WeakMap<readonly Merchant[], Map<string, Merchant>>();

/**
 * The canonical headers accepted so far, per set of merchants: one per merchant and credentials,
 * as only a header equal to a merchant's canonical one is added, and a changed credential's old
 * header is checked against the merchant's current one before it is trusted.
 */
function acceptedHeaders(merchants: readonly Merchant[]): Map<string, Merchant> {
  let accepted = ACCEPTED.get(merchants);
  if (!accepted) ACCEPTED.set(merchants, (accepted = new Map()));
  return accepted;
}

function decodeBasic(header: string): { accessId: string; accessKey: string } | undefined {
  const match = /^basic +(\S+) *$/i.exec(header);
  const token = match?.[1];
  if (token === undefined || !BASE64.test(token) || token.length % 4 === 1) return undefined;
  let text: string;
  try {
    text = STRICT_UTF8.decode(Buffer.from(token, 'base64'));
  } catch {
    return undefined;
  }
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  return { accessId: text.slice(0, colon), accessKey: text.slice(colon + 1) };
}
