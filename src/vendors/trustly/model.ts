import { isDeepStrictEqual } from 'node:util';

// The suite's own model of the documented Trustly customer semantics (seeds/trustly-customers.txt,
// vendor-notes.md), written from the documentation alone: it shares nothing with the reference
// mock, so a misreading in one cannot hide itself by agreeing with the other. Pure functions only.

/** Required on every write (the request table marks them; `name` and `email` need a character). */
export const REQUIRED_FIELDS = ['name', 'address', 'phone', 'email'] as const;
/** The documented optional data properties; each may be sent as `null`, which removes it. */
export const OPTIONAL_FIELDS = [
  'taxId', 'dateOfBirth', 'externalId', 'enrollDate', 'vip', 'currency', 'balance',
  'organizationNumber', 'externalTier', 'personId', 'nationalId', 'customData', 'driverLicense',
] as const;
/** Set by the target, never by a write: the ids identify the record, the times describe it. */
export const SYSTEM_FIELDS = ['customerId', 'merchantId', 'createdAt', 'updatedAt'] as const;

export type RequiredField = (typeof REQUIRED_FIELDS)[number];
export type OptionalField = (typeof OPTIONAL_FIELDS)[number];
/** A customer's data: every property but the system fields; an absent property is "not set". */
export type CustomerData = Record<string, unknown>;
export type Body = Record<string, unknown>;

const SYSTEM = new Set<string>(SYSTEM_FIELDS);
const DOCUMENTED = new Set<string>([...REQUIRED_FIELDS, ...OPTIONAL_FIELDS]);

/** A value as the target receives it: the JSON round trip turns -0 into 0 and drops undefined. */
export function asSent<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * A write applied to stored data: every passed value is set, a `null` removes the property, and
 * an omitted property keeps its value (the SHOULD reading of "sets the values of the parameters
 * passed"; under the other documented reading an update drops omitted properties, so rules that
 * must hold under both send the whole object, see `withStoredValues`). Ids and times are never
 * taken from a body.
 */
export function applyWrite(stored: CustomerData, body: Body): CustomerData {
  const next: CustomerData = { ...stored };
  for (const [field, value] of Object.entries(asSent(body))) {
    if (SYSTEM.has(field)) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next;
}

/** What a create stores: the body's non-null data. */
export function createdData(body: Body): CustomerData {
  return applyWrite({}, body);
}

/**
 * The body a client following the vendor's advice posts (fetch, edit, post back the whole object):
 * every stored property the body omits is sent with its stored value, so the update's outcome is
 * the same whether the target keeps or drops omitted properties.
 */
export function withStoredValues(body: Body, stored: CustomerData): Body {
  const whole: Body = { ...body };
  for (const [field, value] of Object.entries(stored)) if (!(field in whole)) whole[field] = value;
  return whole;
}

/** The documented objects whose optional properties may come back as `null` for "not set". */
const DOCUMENTED_OBJECTS = new Set(['address', 'driverLicense']);

/**
 * A returned customer's data: system fields dropped, and `null` read as removed (both readings of
 * removal), in the documented nested objects too (null and absent are the same for an optional
 * property). customData is the merchant's own: its nulls are data and kept.
 */
export function dataOf(customer: Record<string, unknown>): CustomerData {
  const data: CustomerData = {};
  for (const [field, value] of Object.entries(customer)) {
    if (SYSTEM.has(field) || value === null || value === undefined) continue;
    data[field] = DOCUMENTED_OBJECTS.has(field) && typeof value === 'object' && !Array.isArray(value) ? withoutNulls(value as Record<string, unknown>) : value;
  }
  return data;
}

function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

/**
 * Properties the docs give no default for, which a target may fill in when a write leaves them
 * out (the spec's x-ambiguity on enrollDate): a value of the documented type is accepted there.
 */
const TARGET_DEFAULTS: Record<string, (value: unknown) => boolean> = {
  enrollDate: (value) => Number.isInteger(value),
};

export interface FieldDifference {
  field: string;
  received: unknown;
  expected: unknown;
}

/**
 * Field-by-field differences between returned and expected data. Without `fields`, every
 * expected property and every documented property the target returned is compared (an extra
 * undocumented property is allowed: the schema admits additional properties).
 */
export function differences(actual: CustomerData, expected: CustomerData, fields?: Iterable<string>): FieldDifference[] {
  const names = fields ? [...fields] : [...new Set([...Object.keys(expected), ...Object.keys(actual).filter((f) => DOCUMENTED.has(f))])];
  return names
    .filter((field) => !isDeepStrictEqual(actual[field], expected[field]))
    .filter((field) => !(field in TARGET_DEFAULTS && expected[field] === undefined && TARGET_DEFAULTS[field]!(actual[field])))
    .map((field) => ({ field, received: actual[field], expected: expected[field] }));
}

/** The merchant's customer as the model keeps it. */
export interface ModelCustomer {
  merchant: string;
  customerId: string;
  data: CustomerData;
}

export type UpsertResolution =
  | { kind: 'create' }
  | { kind: 'update'; customer: ModelCustomer }
  /** The documentation leaves the outcome open (see the spec's x-ambiguity notes). */
  | { kind: 'open'; reason: string };

/**
 * Which customer a `POST /api/v1/customers` of `merchant` writes: an existing customerId or
 * externalId of the same merchant selects that customer (an update); otherwise a new one is added.
 * Keys naming another merchant's customer, unknown customerIds, and keys that disagree are open.
 */
export function resolveUpsert(customers: readonly ModelCustomer[], merchant: string, body: Body, externalIdQuery?: string): UpsertResolution {
  const sent = asSent(body);
  const bodyExternalId = typeof sent.externalId === 'string' ? sent.externalId : undefined;
  if (externalIdQuery !== undefined && bodyExternalId !== undefined && bodyExternalId !== externalIdQuery) {
    return { kind: 'open', reason: 'the query and the body carry different externalIds' };
  }
  const externalId = externalIdQuery ?? bodyExternalId;
  const own = customers.filter((c) => c.merchant === merchant);
  const byExternalId = externalId === undefined ? [] : own.filter((c) => c.data.externalId === externalId);
  if (byExternalId.length > 1) return { kind: 'open', reason: `the merchant already holds several customers with externalId ${externalId}` };
  if (typeof sent.customerId === 'string') {
    const byId = own.find((c) => c.customerId === sent.customerId);
    if (!byId) {
      const foreign = customers.some((c) => c.customerId === sent.customerId);
      return { kind: 'open', reason: foreign ? "the customerId names another merchant's customer" : 'the customerId names no customer' };
    }
    if (byExternalId[0] && byExternalId[0] !== byId) return { kind: 'open', reason: 'the customerId and the externalId name different customers' };
    return { kind: 'update', customer: byId };
  }
  return byExternalId[0] ? { kind: 'update', customer: byExternalId[0] } : { kind: 'create' };
}

/**
 * Whether an update of `customer` by `body` would give it the externalId of another customer of
 * the same merchant: the docs call externalId unique per merchant but do not say what happens.
 */
export function takesOthersExternalId(customers: readonly ModelCustomer[], customer: ModelCustomer, body: Body): boolean {
  const externalId = asSent(body).externalId;
  return typeof externalId === 'string' && customers.some((c) => c !== customer && c.merchant === customer.merchant && c.data.externalId === externalId);
}

/** `GET /api/v1/customers?externalId=X`: the merchant's customers whose externalId is exactly X. */
export function listByExternalId(customers: readonly ModelCustomer[], merchant: string, externalId: string): ModelCustomer[] {
  return customers.filter((c) => c.merchant === merchant && c.data.externalId === externalId);
}

/** `GET /api/v1/customers?customerId=X`: the merchant's customer with that id, if any. */
export function listByCustomerId(customers: readonly ModelCustomer[], merchant: string, customerId: string): ModelCustomer[] {
  return customers.filter((c) => c.merchant === merchant && c.customerId === customerId);
}
