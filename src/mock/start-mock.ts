import type { Vendor } from '../openapi/vendors.ts';
import type { MockOptions, RunningMock } from './mock-types.ts';
import { startTrustistMock } from './trustist/start-trustist-mock.ts';
import { startTrustlyMock } from './trustly/start-trustly-mock.ts';

export type { MockOptions, RunningMock } from './mock-types.ts';

/** Each vendor's reference mock: a vendor without one is a compile error here, never another vendor's mock. */
const MOCKS: Record<Vendor, (options: MockOptions) => Promise<RunningMock>> = {
  trustist: startTrustistMock,
  trustly: startTrustlyMock,
};

/** Starts a vendor's reference mock. */
export function startMock(vendor: Vendor, options: MockOptions = {}): Promise<RunningMock> {
  return MOCKS[vendor](options);
}
