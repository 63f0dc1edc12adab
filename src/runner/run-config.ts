import type { Signer } from '../auth/signer.ts';
import type { HttpSession } from '../http/http-session.ts';
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

/** Everything a check needs to know about the run it is part of: the run as set up, and its signer. */
export interface RunConfig extends VendorRun {
  /** Trustist: how requests are signed (resolved from `auth` in the worker; functions do not cross processes). */
  signer?: Signer;
  /**
   * The session every request of the check goes through: the run's limits and what is spent of
   * them. Absent: the check gets a session of its own with the run's limits (tests, the self-test).
   */
  http?: HttpSession;
  /**
   * Predicate runs allowed for shrinking a failed property (default: property.ts's SHRINK_BUDGET).
   * The self-test sets it low: it asks only whether a rule fails, and shrinking a stateful
   * counterexample can cost more than finding it.
   */
  shrinkBudget?: number;
}
