import { isDeepStrictEqual } from 'node:util';

// The suite's own model of what the Trustist docs promise (seeds/trustist-customers.txt,
// vendor-notes.md, the spec's x-rules), where the generic record model (src/kinds) leaves it
// open: how an update applies a partial address. Pure functions, no I/O, and nothing shared with
// the mock: the two are independent oracles that meet only at the spec file.

export const PERSON_FIELDS = ['firstName', 'lastName', 'emailAddress'] as const;
const TEXT_FIELDS = [...PERSON_FIELDS, 'dateOfBirth', 'orgId'] as const;
const ADDRESS_FIELDS = ['addressLine1', 'addressLine2', 'city', 'postalCode', 'country'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
type AddressField = (typeof ADDRESS_FIELDS)[number];

/** The documented, user-set fields of a record; a cleared field is simply absent. */
export type CustomerFields = Partial<Record<(typeof TEXT_FIELDS)[number], string>> & { address?: Partial<Record<AddressField, string>> };
/** An update body. orgId is left out: the docs do not say it is updatable (spec x-ambiguity). */
export type CustomerPatch = Partial<Record<PersonField | 'dateOfBirth', string | null>> & { address?: Partial<Record<AddressField, string | null>> | null };

/** A customer as the API returns it (spec: Customer; other properties allowed). */
export interface Customer {
  id: string;
  tenantId?: string | null;
  created: string;
  lastUpdated: string;
  [field: string]: unknown;
}

export interface SessionOptions {
  identity?: { identityCheck?: boolean; amlExtensiveScreening?: boolean };
  ais?: { accounts?: boolean; balances?: boolean; transactions?: boolean; accountLimit?: number };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The named properties of `value` that hold a value: the two documented ways of showing a cleared field (absent, null) alike. */
function present<K extends string>(value: unknown, names: readonly K[]): Partial<Record<K, string>> {
  return isObject(value) ? (Object.fromEntries(names.filter((n) => value[n] != null).map((n) => [n, value[n]])) as Partial<Record<K, string>>) : {};
}

/**
 * The documented fields a body or record carries, normalised so that absent and null compare
 * equal. An address with no field left is no address. Properties the docs do not name are
 * ignored (vendors add fields).
 */
export function fieldsOf(value: unknown): CustomerFields {
  const out: CustomerFields = present(value, TEXT_FIELDS);
  const address = present(isObject(value) ? value.address : undefined, ADDRESS_FIELDS);
  if (Object.keys(address).length > 0) out.address = address;
  return out;
}

/**
 * The records an update may leave behind. Omitted fields keep their values, null clears, a value
 * replaces. Where the docs are open (an `address` object in an update: merged into the stored
 * address, or replacing it) both outcomes are returned; with no such object there is only one.
 */
export function afterUpdate(before: CustomerFields, patch: CustomerPatch): CustomerFields[] {
  const { address, ...rest } = patch;
  const base = fieldsOf({ ...before, ...rest });
  if (address === undefined || address === null) return [fieldsOf({ ...base, address: address === null ? null : base.address })];
  const merged = fieldsOf({ ...base, address: { ...before.address, ...address } });
  const replaced = fieldsOf({ ...base, address });
  return sameFields(merged, replaced) ? [merged] : [merged, replaced];
}

/** Which reading an address update followed, when the two differ. */
export function addressReading(before: CustomerFields, patch: CustomerPatch, after: CustomerFields): 'merge' | 'replace' | 'either' | 'neither' {
  const [merged, replaced] = afterUpdate(before, patch);
  if (!replaced) return sameFields(merged!, after) ? 'either' : 'neither';
  if (sameFields(merged!, after)) return 'merge';
  return sameFields(replaced, after) ? 'replace' : 'neither';
}

export const sameFields = (a: CustomerFields, b: CustomerFields): boolean => isDeepStrictEqual(a, b);

/** Whether an update changes the record under every documented reading (so its effect cannot go unseen). */
export function changesRecord(before: CustomerFields, patch: CustomerPatch): boolean {
  return afterUpdate(before, patch).every((candidate) => !sameFields(candidate, before));
}

/** The patch, or the patch plus a firstName change when on its own it might change nothing. */
export function withChange(before: CustomerFields, patch: CustomerPatch): CustomerPatch {
  return changesRecord(before, patch) ? patch : { ...patch, firstName: `${before.firstName ?? ''}·changed` };
}
