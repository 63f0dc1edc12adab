import type { Customer } from './customer-store.ts';
import type { TrustlyVariantName } from './variants.ts';

// The optional properties of the documented customer object and of its address.
const OPTIONAL = ['taxId', 'dateOfBirth', 'externalId', 'enrollDate', 'vip', 'currency', 'balance', 'organizationNumber', 'externalTier', 'personId', 'nationalId', 'customData', 'driverLicense'];
const ADDRESS_OPTIONAL = ['address1', 'address2', 'city', 'state', 'zip'];

/**
 * A reply body as the response writes it: by default as stored; with `absent-as-null`, every
 * documented optional property without a value is written as `null` (the address's and an error
 * entry's `location` included), as many JSON serialisers do. The store never sees the nulls.
 */
export function presentBody(body: unknown, variants: ReadonlySet<TrustlyVariantName>): unknown {
  if (!variants.has('absent-as-null') || typeof body !== 'object' || body === null) return body;
  const record = body as Record<string, unknown>;
  if (record.customer) return { ...record, customer: withNulls(record.customer as Customer) };
  if (Array.isArray(record.customers)) return { ...record, customers: (record.customers as Customer[]).map(withNulls) };
  if (Array.isArray(record.errors)) return { ...record, errors: record.errors.map((e: Record<string, unknown>) => ({ location: null, ...e })) };
  return body;
}

function withNulls(customer: Customer): Record<string, unknown> {
  const shown: Record<string, unknown> = { ...customer };
  for (const key of OPTIONAL) shown[key] ??= null;
  const address = customer.address as Record<string, unknown> | undefined;
  if (address) shown.address = { ...Object.fromEntries(ADDRESS_OPTIONAL.map((k) => [k, null])), ...address };
  return shown;
}

/**
 * A request body as a server that writes absent as null reads it: with `absent-as-null`, a null
 * inside `address` or `driverLicense` is the absent value it wrote there, so the documented
 * "get, change a field, post it back" flow works with what the get answered. (A top-level null
 * already means "remove", by the docs.) Without the variant the body is read as it is.
 */
export function readBody(body: unknown, variants: ReadonlySet<TrustlyVariantName>): unknown {
  if (!variants.has('absent-as-null') || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const read: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const key of ['address', 'driverLicense']) {
    const nested = read[key];
    if (typeof nested === 'object' && nested !== null && !Array.isArray(nested)) read[key] = Object.fromEntries(Object.entries(nested).filter(([, v]) => v !== null));
  }
  return read;
}
