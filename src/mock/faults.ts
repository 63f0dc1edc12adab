import type { Vendor } from '../openapi/vendors.ts';
import type { Fault } from './fault.ts';
import { MOCK_MODULES, mockModule } from './mock-modules.ts';

export type { Fault } from './fault.ts';

/** Every injectable fault of every reference mock. */
export const FAULTS: readonly Fault[] = MOCK_MODULES.flatMap((m) => m.faults);

export function faultsOf(vendor: Vendor): Fault[] {
  return [...mockModule(vendor).faults];
}

/** The named fault of a vendor, or an Error that lists the valid names. */
export function findFault(vendor: Vendor, name: string): Fault {
  const faults = faultsOf(vendor);
  const fault = faults.find((f) => f.name === name);
  if (!fault) throw new Error(`unknown ${vendor} fault "${name}"; valid: ${faults.map((f) => f.name).join(', ')}`);
  return fault;
}
