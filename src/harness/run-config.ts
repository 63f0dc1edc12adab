import type { Signer } from '../auth/signer.ts';
import type { Vendor } from '../spec/vendors.ts';

/** Everything a check needs to know about the run it is part of. */
export interface RunConfig {
  vendor: Vendor;
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
  /** Trustist: how requests are signed. */
  signer?: Signer;
  /** Name of the signer, for the replay command. */
  auth?: string;
  timeoutMs: number;
  /** Whether the target is one of the embedded mocks (no --target in the replay command). */
  embedded: boolean;
}
