import type { Vendor } from '../openapi/vendors.ts';
import { mockModule } from './mock-modules.ts';
import type { MockOptions, RunningMock } from './mock-types.ts';

export type { MockOptions, RunningMock } from './mock-types.ts';

/** Starts a vendor's reference mock (src/mock/mock-modules.ts); a vendor without one is refused, never given another's. */
export async function startMock(vendor: Vendor, options: MockOptions = {}): Promise<RunningMock> {
  return mockModule(vendor).start(options);
}
