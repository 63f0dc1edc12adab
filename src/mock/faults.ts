import type { Vendor } from '../openapi/vendors.ts';
import type { Fault } from './fault.ts';
import { TRUSTIST_FAULTS } from './trustist/faults.ts';
import { TRUSTLY_FAULTS } from './trustly/faults.ts';

export type { Fault } from './fault.ts';

/** Every injectable fault of both reference mocks. */
export const FAULTS: readonly Fault[] = [...TRUSTIST_FAULTS, ...TRUSTLY_FAULTS];

export function faultsOf(vendor: Vendor): Fault[] {
  return FAULTS.filter((f) => f.vendor === vendor);
}

/** The named fault of a vendor, or an Error that lists the valid names. */
export function findFault(vendor: Vendor, name: string): Fault {
  const fault = FAULTS.find((f) => f.vendor === vendor && f.name === name);
  if (!fault) throw new Error(`unknown ${vendor} fault "${name}"; valid: ${faultsOf(vendor).map((f) => f.name).join(', ')}`);
  return fault;
}
