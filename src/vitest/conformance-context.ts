import type { Vendor } from '../openapi/vendors.ts';
import type { VendorRun } from '../runner/run-config.ts';

export type { VendorRun } from '../runner/run-config.ts';

export interface ConformanceContext {
  vendors: Partial<Record<Vendor, VendorRun>>;
  /** vitest's per-test timeout for every rule (RunPlan.testTimeoutMs). */
  testTimeoutMs: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    conform: ConformanceContext;
  }
}
