import type { Signer } from '../auth/signer.ts';
import type { VendorRun } from './conformance-context.ts';

/** Everything a check needs to know about the run it is part of: the run as set up, and its signer. */
export interface RunConfig extends VendorRun {
  /** Trustist: how requests are signed (resolved from `auth` in the worker; functions do not cross processes). */
  signer?: Signer;
}
