import type { Vendor } from '../openapi/vendors.ts';

/** One vendor's part of a run, as the conformance project's global setup hands it to each suite file (serialisable). */
export interface VendorRun {
  vendor: string;
  /** Base URL of the target, e.g. http://127.0.0.1:4010 or https://api-sandbox.trustistecommerce.com. */
  baseUrl: string;
  /** Credential variables (design.md's names). Only these are read: never process.env directly. */
  env: Record<string, string | undefined>;
  /** The run seed: every rule derives its own fast-check seed from it and its id. */
  seed: number;
  /** fast-check runs per property. */
  runs: number;
  /** Short id of this run; created records carry `conform-<runId>`. */
  runId: string;
  /** Trustist: hawk, hmac-sha256, or a signer module's path; also named in replay commands. */
  auth?: string;
  /** Per-request timeout, the whole answer included. */
  timeoutMs: number;
  /** Whether the target is one of the embedded mocks (no --target in the replay command). */
  embedded: boolean;
  /** Write requests allowed in the whole run (--max-writes); absent: no budget. */
  maxWrites?: number;
  /** Requests per second for the whole run (--rps); absent: no cap. */
  rps?: number;
  /** Epoch ms after which no request is sent (--deadline); absent: no deadline. */
  deadlineAt?: number;
  /** --strict: drift (what the spec inferred beyond the docs) fails the rule that meets it, and an incomplete rule fails (in JUnit too), as the gate does. */
  strict?: boolean;
}

export interface ConformanceContext {
  vendors: Partial<Record<Vendor, VendorRun>>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    conform: ConformanceContext;
  }
}
