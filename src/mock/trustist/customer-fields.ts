import { holdsAstral } from '../astral-text.ts';
import type { Address, Customer, CustomerField, CustomerFields } from './customer-store.ts';
import { ADDRESS_FIELDS, CUSTOMER_FIELDS } from './customer-store.ts';
import type { TrustistFaultName } from './faults.ts';
import { isPlainObject } from './handler-context.ts';

// The vendor's record has fixed columns (its C# sample binds typed DTOs), so the mock keeps the
// documented fields only: an unknown property is ignored, never stored or echoed. Values are
// kept exactly as sent (no trimming, no Unicode normalisation): the round-trip rule is byte-exact.

/** The documented fields of a validated create body. */
export function createFields(body: Record<string, unknown>, fault?: TrustistFaultName): CustomerFields {
  const fields: Record<string, unknown> = {};
  for (const field of CUSTOMER_FIELDS) {
    const value = body[field];
    if (value === undefined) continue;
    fields[field] = field === 'address' ? addressOf(value) : value;
  }
  return storedText(fields as CustomerFields, fault);
}

/**
 * Applies a validated update body to a record: omitted fields stay, `null` removes a field (it is
 * absent afterwards, as the create response would show it), a value replaces it.
 *
 * `address` is replaced as a whole by the object sent, minus its null fields. The seed describes
 * partial update for top-level fields only and leaves open whether a partial address merges or
 * replaces (rule trustist.customers.update.nested-address is `observed`); replacing is the
 * reading a typed DTO bound to a nested object gives, and it keeps the stored address exactly the
 * one the caller last sent.
 */
export function applyUpdate(previous: Customer, body: Record<string, unknown>, fault?: TrustistFaultName, mergeAddress: () => boolean = () => false): Customer {
  const next: Record<string, unknown> =
    fault === 'update-replaces-record' ? { id: previous.id, tenantId: previous.tenantId, created: previous.created, lastUpdated: previous.lastUpdated } : { ...previous };
  const changes: Record<string, unknown> = {};
  for (const field of CUSTOMER_FIELDS) {
    if (!Object.hasOwn(body, field)) continue;
    const value = body[field];
    if (value === null) {
      if (fault === 'null-leaves-unchanged') continue;
      if (fault === 'null-stored-as-string') next[field] = 'null';
      else delete next[field];
    } else if (field === 'address' && previous.address && isPlainObject(value) && mergeAddress()) {
      // The address-update-merges variant: sent fields replace, null ones clear, the rest stay.
      const merged: Record<string, unknown> = { ...previous.address };
      for (const [part, given] of Object.entries(value)) if (given === null) delete merged[part];
      changes[field] = { ...addressOf(merged), ...addressOf(value) };
    } else {
      if (field !== 'address' && holdsValue(previous[field]) && fault === 'update-keeps-set-values') continue;
      changes[field] = field === 'address' ? addressOf(value) : value;
    }
  }
  return withFieldOrder({ ...next, ...storedText(changes as CustomerFields, fault) } as Customer);
}

/** Whether a stored text field holds a value (the update-keeps-set-values fault skips those). */
function holdsValue(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

export const PERSON_FIELDS = ['firstName', 'lastName', 'emailAddress'] as const satisfies readonly CustomerField[];

function addressOf(value: unknown): Address {
  const address: Address = {};
  if (!isPlainObject(value)) return address;
  for (const field of ADDRESS_FIELDS) {
    const part = value[field];
    if (typeof part === 'string') address[field] = part;
  }
  return address;
}

/** The store's faults that damage text on its way in (each consulted only where it would change the text). */
function storedText(fields: CustomerFields, fault?: TrustistFaultName): CustomerFields {
  if (fault === 'astral-chars-mangled' && holdsAstral(fields)) return JSON.parse(JSON.stringify(fields).replace(/[\u{10000}-\u{10FFFF}]/gu, '\uFFFD')) as CustomerFields;
  if (((fields.firstName?.length ?? 0) > 64 || (fields.lastName?.length ?? 0) > 64) && fault === 'names-truncated-at-64') {
    if (fields.firstName !== undefined) fields.firstName = fields.firstName.slice(0, 64);
    if (fields.lastName !== undefined) fields.lastName = fields.lastName.slice(0, 64);
  }
  return fields;
}

/** The documented field order, so every response lists a record's fields the same way. */
export function withFieldOrder(record: Customer): Customer {
  const { id, tenantId, created, lastUpdated, ...rest } = record;
  const ordered: Record<string, unknown> = { id, tenantId };
  for (const field of CUSTOMER_FIELDS) if (rest[field] !== undefined) ordered[field] = rest[field];
  for (const [key, value] of Object.entries(rest)) if (!Object.hasOwn(ordered, key)) ordered[key] = value;
  return { ...ordered, created, lastUpdated } as Customer;
}
