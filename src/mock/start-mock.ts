import type { Vendor } from '../openapi/vendors.ts';
import type { MockOptions, RunningMock } from './mock-types.ts';
import { startTrustistMock } from './trustist/start-trustist-mock.ts';
import { startTrustlyMock } from './trustly/start-trustly-mock.ts';

export type { MockOptions, RunningMock } from './mock-types.ts';

/** Starts a vendor's reference mock. */
export function startMock(vendor: Vendor, options: MockOptions = {}): Promise<RunningMock> {
  return vendor === 'trustist' ? startTrustistMock(options) : startTrustlyMock(options);
}
