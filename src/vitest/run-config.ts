import type { Signer } from '../auth/signer.ts';
import type { VendorRun } from './conformance-context.ts';

/** Everything a check needs to know about the run it is part of: the run as set up, and its signer. */
export interface RunConfig extends VendorRun {
  /** Trustist: how requests are signed (resolved from `auth` in the worker; functions do not cross processes). */
  signer?: Signer;
  /**
   * Predicate runs allowed for shrinking a failed property (default: property.ts's SHRINK_BUDGET).
   * The self-test sets it low: it asks only whether a rule fails, and shrinking a stateful
   * counterexample can cost more than finding it.
   */
  shrinkBudget?: number;
}
