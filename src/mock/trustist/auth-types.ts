import type { TrustistAuthScheme } from '../mock-types.ts';
import type { TrustistFaultName } from './faults.ts';
import type { TrustistKey, TrustistKeyring } from './trustist-keys.ts';

export interface AuthSettings {
  keyring: TrustistKeyring;
  scheme: TrustistAuthScheme;
  /** The mock's clock (options.clock): both schemes judge timestamps by it, not by the host's. */
  clock: () => number;
  fault?: TrustistFaultName;
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
