import { isVendor, VENDORS, type Vendor } from '../openapi/vendors.ts';
import type { MockModule } from './mock-module.ts';
import { TRUSTIST_MOCK } from './trustist/trustist-mock.ts';
import { TRUSTLY_MOCK } from './trustly/trustly-mock.ts';

export type { MockModule } from './mock-module.ts';

/** The reference mocks, one a vendor: the one list of them the shared mock code reads. */
export const MOCK_MODULES: readonly MockModule[] = [TRUSTIST_MOCK, TRUSTLY_MOCK];

/** The vendor's mock; a vendor whose spec ships without one is an Error that says so, never another vendor's mock. */
export function mockModule(vendor: Vendor): MockModule {
  const found = MOCK_MODULES.find((m) => m.vendor === vendor);
  if (found) return found;
  const known = isVendor(vendor) ? `${vendor} has a spec but no reference mock (add src/mock/${vendor}/${vendor}-mock.ts to src/mock/mock-modules.ts)` : `unknown vendor "${vendor}"`;
  throw new Error(`${known}; mocks: ${MOCK_MODULES.map((m) => m.vendor).join(', ')} (specs: ${VENDORS.join(', ')})`);
}
