import type { Vendor } from '../openapi/vendors.ts';

/**
 * A named, minimal deviation from the documented behaviour. `rules` are the rule ids the fault
 * must make fail (the first is the rule it targets); the self-test checks that the suite fails
 * exactly there, and nowhere without the fault.
 */
export interface Fault {
  name: string;
  vendor: Vendor;
  rules: [string, ...string[]];
  description: string;
}
