// The suite's own model of what the Trustist docs promise (seeds/trustist-customers.txt,
// vendor-notes.md, the spec's x-rules). Pure functions, no I/O, and nothing shared with the
// mock: the two are independent oracles that meet only at the spec file.

export const PERSON_FIELDS = ['firstName', 'lastName', 'emailAddress'] as const;
export const TEXT_FIELDS = ['firstName', 'lastName', 'emailAddress', 'dateOfBirth', 'orgId'] as const;
export const ADDRESS_FIELDS = ['addressLine1', 'addressLine2', 'city', 'postalCode', 'country'] as const;
/** Fields an update may carry. orgId is left out: the docs do not say it is updatable (spec x-ambiguity). */
export const UPDATE_FIELDS = ['firstName', 'lastName', 'emailAddress', 'dateOfBirth', 'address'] as const;

export type PersonField = (typeof PERSON_FIELDS)[number];
export type TextField = (typeof TEXT_FIELDS)[number];
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type UpdateField = (typeof UPDATE_FIELDS)[number];

export type Address = Partial<Record<AddressField, string>>;
export type AddressPatch = Partial<Record<AddressField, string | null>>;

/** The documented, user-set fields of a record; a cleared field is simply absent. */
export type CustomerFields = Partial<Record<TextField, string>> & { address?: Address };

export type CustomerPatch = Partial<Record<Exclude<UpdateField, 'address'>, string | null>> & { address?: AddressPatch | null };

/** A customer as the API returns it (spec: Customer; other properties allowed). */
export interface Customer {
  id: string;
  tenantId?: string | null;
  created: string;
  lastUpdated: string;
  [field: string]: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The documented fields a body or record carries, normalised so that the two documented ways of
 * showing a cleared field (absent, or null) compare equal. An address with no field left is
 * treated as no address. Properties the docs do not name are ignored (vendors add fields).
 */
export function fieldsOf(value: unknown): CustomerFields {
  const out: CustomerFields = {};
  if (!isObject(value)) return out;
  for (const name of TEXT_FIELDS) {
    const v = value[name];
    if (v !== undefined && v !== null) out[name] = v as string;
  }
  const address = addressOf(value.address);
  if (address) out.address = address;
  return out;
}

function addressOf(value: unknown): Address | undefined {
  if (!isObject(value)) return undefined;
  const out: Address = {};
  for (const name of ADDRESS_FIELDS) {
    const v = value[name];
    if (v !== undefined && v !== null) out[name] = v as string;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/**
 * The records an update may leave behind. Omitted fields keep their values, null clears, a value
 * replaces. Where the docs are open (an `address` object in an update: merged into the stored
 * address, or replacing it) both outcomes are returned; with no such object there is only one.
 */
export function afterUpdate(before: CustomerFields, patch: CustomerPatch): CustomerFields[] {
  const base = structuredClone(before);
  for (const name of UPDATE_FIELDS) {
    if (name === 'address' || !(name in patch)) continue;
    const v = patch[name];
    if (v === null || v === undefined) delete base[name];
    else base[name] = v;
  }
  if (!('address' in patch) || patch.address === undefined) return [base];
  if (patch.address === null) {
    delete base.address;
    return [base];
  }
  const merged = withAddress(base, addressOf({ ...(before.address ?? {}), ...patch.address }));
  const replaced = withAddress(base, addressOf(patch.address));
  return sameFields(merged, replaced) ? [merged] : [merged, replaced];
}

function withAddress(fields: CustomerFields, address: Address | undefined): CustomerFields {
  const copy = structuredClone(fields);
  if (address) copy.address = address;
  else delete copy.address;
  return copy;
}

/** Which reading an address update followed, when the two differ. */
export function addressReading(before: CustomerFields, patch: CustomerPatch, after: CustomerFields): 'merge' | 'replace' | 'either' | 'neither' {
  const [merged, replaced] = afterUpdate(before, patch);
  if (!replaced) return sameFields(merged!, after) ? 'either' : 'neither';
  if (sameFields(merged!, after)) return 'merge';
  return sameFields(replaced, after) ? 'replace' : 'neither';
}

export function sameFields(a: CustomerFields, b: CustomerFields): boolean {
  return differingFields(a, b).length === 0;
}

/** The names of the documented fields (address fields as `address.x`) on which two records differ. */
export function differingFields(a: CustomerFields, b: CustomerFields): string[] {
  const out: string[] = [];
  for (const name of TEXT_FIELDS) if (a[name] !== b[name]) out.push(name);
  for (const name of ADDRESS_FIELDS) if (a.address?.[name] !== b.address?.[name]) out.push(`address.${name}`);
  return out;
}

/** Whether `GET /v1/customers?orgId=X` by `tenant` must show a record: same tenant, exactly equal orgId. */
export function listShouldContain(record: { tenant: string; fields: CustomerFields }, query: { tenant: string; orgId?: string }): boolean {
  if (record.tenant !== query.tenant) return false;
  return query.orgId === undefined || record.fields.orgId === query.orgId;
}

export interface SessionOptions {
  identity?: { identityCheck?: boolean; amlExtensiveScreening?: boolean };
  ais?: { accounts?: boolean; balances?: boolean; transactions?: boolean; accountLimit?: number };
}

/** Whether a session's options turn on a check that needs person data (identity check or AML screening). */
export function requiresPersonData(options: SessionOptions | undefined): boolean {
  return options?.identity?.identityCheck === true || options?.identity?.amlExtensiveScreening === true;
}

/** Whether an update changes the record under every documented reading (so its effect cannot go unseen). */
export function changesRecord(before: CustomerFields, patch: CustomerPatch): boolean {
  return afterUpdate(before, patch).every((candidate) => !sameFields(candidate, before));
}

/** The patch, or the patch plus a firstName change when on its own it might change nothing. */
export function withChange(before: CustomerFields, patch: CustomerPatch): CustomerPatch {
  return changesRecord(before, patch) ? patch : { ...patch, firstName: `${before.firstName ?? ''}·changed` };
}
