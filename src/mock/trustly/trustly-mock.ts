import type { MockModule } from '../mock-module.ts';
import { TRUSTLY_FAULTS } from './faults.ts';
import { TRUSTLY_PROFILE_READERS } from './profile-readers.ts';
import { TRUSTLY_VARIANTS } from './variants.ts';

// The vendor's name, known to the type system from its own folder (see VendorNames).
declare module '../../openapi/vendors.ts' {
  interface VendorNames {
    trustly: true;
  }
}

/** The Trustly reference mock, as src/mock/mock-modules.ts lists it. */
export const TRUSTLY_MOCK: MockModule = {
  vendor: 'trustly',
  faults: TRUSTLY_FAULTS,
  variants: TRUSTLY_VARIANTS,
  profileReaders: TRUSTLY_PROFILE_READERS,
  authSchemes: ['basic'],
  pageSize: false,
  hawkLenient: false,
  start: async (options) => (await import('./start-trustly-mock.ts')).startTrustlyMock(options),
};
