import type { Vendor } from '../spec/vendors.ts';

export type TrustistAuthScheme = 'hawk' | 'hmac-sha256';

export interface MockOptions {
  /** Interface to listen on; 127.0.0.1 unless told otherwise. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Name of a fault of src/mock/faults.ts to inject, or undefined for the conforming mock. */
  fault?: string;
  /** Where credential variables are read from (design.md); missing keys are generated. */
  env?: Record<string, string | undefined>;
  /** Milliseconds since the epoch; tests move time by replacing it. */
  clock?: () => number;
  /** Trustist only: the signature scheme the mock accepts (default hawk). */
  auth?: TrustistAuthScheme;
  /**
   * Trustist with Hawk only: accept a request body that carries no payload hash, as before the
   * mock required one (for clients that cannot send it). Replays are refused either way.
   */
  hawkLenient?: boolean;
}

export interface RunningMock {
  vendor: Vendor;
  url: string;
  fault?: string;
  /** Every key the mock accepts, by the environment variable that names it (design.md). */
  credentials: Record<string, string>;
  /** A deep copy of the store, for tests that check a request changed nothing. */
  snapshot(): unknown;
  close(): Promise<void>;
}
