import type { Vendor } from '../openapi/vendors.ts';
import type { ChaosCounts } from './chaos.ts';
import type { ChaosOptions } from './chaos-options.ts';

export interface MockOptions {
  /** Interface to listen on; 127.0.0.1 unless told otherwise. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Name of a fault of src/mock/faults.ts to inject, or undefined for the conforming mock. */
  fault?: string;
  /**
   * Names of doc-correct variants (src/mock/variants.ts): correct behaviours the docs allow that
   * the default mock does not show. At most one per group; they combine with a fault.
   */
  variants?: readonly string[];
  /** Where credential variables are read from (design.md); missing keys are generated. */
  env?: Record<string, string | undefined>;
  /** Milliseconds since the epoch; tests move time by replacing it (signature timestamps, the chaos rate limit). */
  clock?: () => number;
  /**
   * The signature scheme the mock accepts, one of its module's `authSchemes` (its default when
   * absent); a mock refuses a scheme it does not check.
   */
  auth?: string;
  /**
   * Serve the API under this path prefix (e.g. `/some/prefix`), as a gateway would: the mock's
   * `url` then ends with it, and requests outside it get 404.
   */
  basePath?: string;
  /**
   * For a mock whose module says it pages (MockModule.pageSize): answer lists a page of this many
   * customers at a time, naming the next page in
   * a `Link: <...>; rel="next"` header (RFC 8288). The docs say nothing of paging; a vendor may
   * page, and this is the most common way. Absent: the whole list in one answer.
   */
  pageSize?: number;
  /**
   * Test support, not reachable from `conform mock`: records other writers left in each tenant
   * (Trustist) or merchant (Trustly) before the run, stored exactly as given, unvalidated, with
   * only an id added when they lack one: the busy, untidy account a shared sandbox is.
   */
  foreignRecords?: Record<string, unknown>[];
  /**
   * For a mock whose module says so (MockModule.hawkLenient), with Hawk: accept a request body
   * that carries no payload hash, as before the mock required one (for clients that cannot send
   * it). Replays are refused either way.
   */
  hawkLenient?: boolean;
  /**
   * Latency, a rate limit, 503s and connection resets in front of the mock, seeded
   * (src/mock/chaos-options.ts): for testing a client against a slow or failing vendor.
   */
  chaos?: ChaosOptions;
}

export interface RunningMock {
  vendor: Vendor;
  url: string;
  fault?: string;
  variants?: string[];
  /** Every key the mock accepts, by the environment variable that names it (design.md). */
  credentials: Record<string, string>;
  /** A deep copy of the store, for tests that check a request changed nothing. */
  snapshot(): unknown;
  /** With `MockOptions.chaos`: the seed in use, what the layer does and what it did so far. */
  chaos?: { seed: number; description: string; counts(): ChaosCounts };
  close(): Promise<void>;
}
