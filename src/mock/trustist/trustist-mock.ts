import type { MockModule } from '../mock-module.ts';
import { TRUSTIST_FAULTS } from './faults.ts';
import { TRUSTIST_PROFILE_READERS } from './profile-readers.ts';
import { TRUSTIST_VARIANTS } from './variants.ts';

// The vendor's name, known to the type system from its own folder (see VendorNames).
declare module '../../openapi/vendors.ts' {
  interface VendorNames {
    trustist: true;
  }
}

/** The Trustist reference mock, as src/mock/mock-modules.ts lists it. */
export const TRUSTIST_MOCK: MockModule = {
  vendor: 'trustist',
  faults: TRUSTIST_FAULTS,
  variants: TRUSTIST_VARIANTS,
  profileReaders: TRUSTIST_PROFILE_READERS,
  authSchemes: ['hawk', 'hmac-sha256'],
  pageSize: true,
  hawkLenient: true,
  start: async (options) => (await import('./start-trustist-mock.ts')).startTrustistMock(options),
};
