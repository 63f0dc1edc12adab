import { isDeepStrictEqual } from 'node:util';
import { afterWrite, dataOf, type RecordShape } from '../../kinds/record-model.ts';

// What the Trustist rules need of the documented record beyond the generic record model
// (src/kinds/record-model.ts), on which it rests: the person fields KYC needs, which reading of
// a partial address an update followed, and an update that surely changes something. Pure
// functions, no I/O, and nothing shared with the mock: the two meet only at the spec file.

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
export type Customer = { id: string; tenantId?: string | null; created: string; lastUpdated: string; [field: string]: unknown };

export interface SessionOptions {
  identity?: { identityCheck?: boolean; amlExtensiveScreening?: boolean };
  ais?: { accounts?: boolean; balances?: boolean; transactions?: boolean; accountLimit?: number };
}

// The documented fields, the address's lines among them, as the generic record model takes them.
const SHAPE: RecordShape = { fields: [...TEXT_FIELDS, 'address'], objects: { address: [...ADDRESS_FIELDS] } };

/**
 * The documented fields a body or record carries, normalised so that the two documented ways of
 * showing a cleared field (absent, null) compare equal. An address with no field left is no
 * address. Properties the docs do not name are ignored (vendors add fields).
 */
export const fieldsOf = (value: unknown): CustomerFields => dataOf(value, SHAPE);

/**
 * The records an update may leave behind. Omitted fields keep their values, null clears, a value
 * replaces. Where the docs are open (an `address` object in an update: merged into the stored
 * address, or replacing it) both outcomes are returned; with no such object there is only one.
 */
export const afterUpdate = (before: CustomerFields, patch: CustomerPatch): CustomerFields[] =>
  afterWrite(before, patch, SHAPE, { partial: true, nestedObjects: 'undocumented' });

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
