import type { TrustistFaultName } from './faults.ts';
import type { HawkNonceCache } from './hawk-nonce-cache.ts';
import type { TrustistKey, TrustistKeyring } from './trustist-keys.ts';

/** The signature schemes the Trustist mock checks. */
export type TrustistAuthScheme = 'hawk' | 'hmac-sha256';

export interface AuthSettings {
  keyring: TrustistKeyring;
  scheme: TrustistAuthScheme;
  /** The mock's clock (options.clock): both schemes judge timestamps by it, not by the host's. */
  clock: () => number;
  fault?: TrustistFaultName;
  /** Hawk: accept a body without a payload hash (hash optional, as the Hawk library makes it). */
  hawkLenient?: boolean;
  /** Hawk: the nonces seen within the timestamp window, to refuse a replay. */
  nonces: HawkNonceCache;
}

/**
 * The outcome of checking the Authorization header. The header is judged before the body is
 * read (so a stranger cannot make the mock buffer a megabyte); what the header signed about the
 * body is checked once it has arrived.
 */
export interface Authenticated {
  key: TrustistKey;
  /** Throws a 401 problem when the body is not the one the signature covers. */
  verifyBody(body: Buffer): void;
}

export const NOTHING_TO_VERIFY = (): void => {};
