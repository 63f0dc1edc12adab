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
}

export interface ConformanceContext {
  vendors: Partial<Record<Vendor, VendorRun>>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    conform: ConformanceContext;
  }
}
