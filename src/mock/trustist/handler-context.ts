import type { SpecValidators } from '../../openapi/index.ts';
import type { CustomerStore } from './customer-store.ts';
import type { TrustistFaultName } from './faults.ts';
import type { TrustistVariantName } from './variants.ts';

/** What an operation handler gets once the request is authenticated, permitted and parsed. */
export interface HandlerContext {
  store: CustomerStore;
  fault?: TrustistFaultName;
  variants: ReadonlySet<TrustistVariantName>;
  validators: SpecValidators;
  /** options.clock: milliseconds since the epoch. */
  now: () => number;
  tenantId: string;
  /** The parsed JSON body of a POST or PUT; undefined for a GET (whose body is ignored). */
  body: unknown;
  query: URLSearchParams;
  /** The decoded `{id}` path segment, for the operations on one customer. */
  customerId: string;
  /** The mock's own base URL, for the onboard URLs it hands out. */
  baseUrl: string;
  /** The paging switch: customers per list page; undefined for whole lists. */
  pageSize?: number;
}

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 3339 with milliseconds, in UTC. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
