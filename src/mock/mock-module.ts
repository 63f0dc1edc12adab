import type { Vendor } from '../openapi/vendors.ts';
import type { Fault } from './fault.ts';
import type { MockOptions, RunningMock } from './mock-types.ts';
import type { ObservationReader } from './profile-reading.ts';
import type { Variant } from './variant.ts';

/**
 * What one vendor's reference mock is, for the code every mock shares (the `conform mock`
 * command, faults, variants, calibration profiles): each vendor describes its mock in
 * src/mock/<vendor>/<vendor>-mock.ts, and src/mock/mock-modules.ts lists them.
 */
export interface MockModule {
  vendor: Vendor;
  /** Its injectable deviations from the docs (MockOptions.fault). */
  faults: readonly Fault[];
  /** Its doc-correct switches (MockOptions.variants). */
  variants: readonly Variant[];
  /** How a calibration profile reads each rule's observation, by rule id. */
  profileReaders: Readonly<Record<string, ObservationReader>>;
  /**
   * The signature schemes the mock checks, its default first. With more than one, the mock takes
   * MockOptions.auth (`conform mock --auth`).
   */
  authSchemes: readonly [string, ...string[]];
  /** Whether it pages lists when told to (MockOptions.pageSize, `--page-size`). */
  pageSize: boolean;
  /** Whether it can accept a Hawk body without its payload hash (MockOptions.hawkLenient, `--hawk-lenient`, Hawk only). */
  hawkLenient: boolean;
  /** Starts the mock; the server's code is loaded only then. */
  start(options: MockOptions): Promise<RunningMock>;
}
