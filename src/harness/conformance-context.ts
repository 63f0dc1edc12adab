import type { Vendor } from '../spec/vendors.ts';

/** What the conformance project's global setup hands each suite file (serialisable). */
export interface VendorRun {
  vendor: Vendor;
  baseUrl: string;
  env: Record<string, string | undefined>;
  seed: number;
  runs: number;
  runId: string;
  auth?: string;
  timeoutMs: number;
  embedded: boolean;
  /** Write requests allowed in the whole run (--max-writes); absent: no budget. */
  maxWrites?: number;
  /** Requests per second for the whole run (--rps); absent: no cap. */
  rps?: number;
  /** Epoch ms after which no request is sent (--deadline); absent: no deadline. */
  deadlineAt?: number;
}

export interface ConformanceContext {
  vendors: Partial<Record<Vendor, VendorRun>>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    conform: ConformanceContext;
  }
}
