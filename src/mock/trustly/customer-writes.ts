import { holdsAstral, mangleAstral } from '../astral-text.ts';
import type { Customer, StoredCustomer } from './customer-store.ts';
import type { TrustlyContext } from './trustly-context.ts';

// The write semantics of the mock, in one place for create, upsert and update by id.
// Readings chosen where the docs are open (the spec's x-ambiguity notes):
// - An update sets every passed value and keeps omitted optional fields (trustly.customers.update.partial).
// - A property sent as null is removed: absent afterwards, never stored as null.
// - A nested object (address, driverLicense, customData) is replaced whole when given, never merged.
// - customerId, merchantId, createdAt and updatedAt in a body are ignored: the path or the upsert
//   key names the customer, the credentials name the merchant, and the mock keeps the clock.

const SERVER_MANAGED = new Set(['customerId', 'merchantId', 'createdAt', 'updatedAt']);

export type Body = Record<string, unknown>;

/** Creates a customer of `owner` from a body that passed validation. */
export function createCustomer(ctx: TrustlyContext, owner: string, body: Body, queryExternalId: string | undefined): StoredCustomer {
  const fields: Body = {};
  for (const key of Object.keys(body)) {
    const value = body[key];
    // In a create, null means "no value": there is nothing to remove yet.
    if (value !== null && !SERVER_MANAGED.has(key)) fields[key] = value;
  }
  // Upserting through the query parameter stores it too, so repeating the same call updates
  // the customer it created instead of adding another one.
  if (fields.externalId === undefined && queryExternalId !== undefined) fields.externalId = queryExternalId;
  const now = timestamp(ctx);
  // The docs give enrollDate no default; this variant takes the creation time.
  if (fields.enrollDate === undefined && ctx.variants.has('enroll-date-defaults-to-created')) fields.enrollDate = now;
  const customerId = ctx.store.newCustomerId(ctx.fault === 'customer-id-collision');
  return ctx.store.insert(owner, assemble(ctx, { customerId, merchantId: owner }, fields, now, now));
}

export type UpdateVia = 'upsert' | 'by-id';

/** Applies a validated body to a stored customer, which then holds the record as stored afterwards. */
export function updateCustomer(ctx: TrustlyContext, stored: StoredCustomer, body: Body, via: UpdateVia): StoredCustomer {
  const previous = stored.customer;
  const fields: Body = via === 'by-id' && ctx.fault === 'update-replaces-whole' ? {} : editableFields(previous);
  for (const [key, value] of Object.entries(body)) {
    if (SERVER_MANAGED.has(key)) continue;
    if (via === 'by-id' && key === 'phone' && ctx.fault === 'update-keeps-phone') continue;
    if (value === null) {
      if (ctx.fault !== 'null-ignored') delete fields[key];
    } else {
      fields[key] = value;
    }
  }
  const now = timestamp(ctx);
  // Strictly forward even when two updates share a millisecond or the clock steps back.
  const updatedAt = ctx.fault === 'updated-at-frozen' ? previous.updatedAt : Math.max(now, previous.updatedAt + 1);
  const createdAt = ctx.fault === 'created-at-reset' ? now : previous.createdAt;
  const merchantId =
    typeof body.merchantId === 'string' && ctx.fault === 'update-takes-merchant-id' ? body.merchantId : previous.merchantId;
  ctx.store.replace(stored, assemble(ctx, { customerId: previous.customerId, merchantId }, fields, createdAt, updatedAt));
  return stored;
}

/**
 * The refused-update-applies-fields fault: a 400 update that still writes the text fields it
 * carried with no violation of their own (the record stays valid; only the refusal is a lie).
 */
export function applyPartOfRefusedUpdate(ctx: TrustlyContext, stored: StoredCustomer, body: Body, badFields: ReadonlySet<string>): void {
  const fields = editableFields(stored.customer);
  for (const [key, value] of Object.entries(body)) {
    if (!SERVER_MANAGED.has(key) && typeof value === 'string' && !badFields.has(key)) fields[key] = value;
  }
  const previous = stored.customer;
  const ids = { customerId: previous.customerId, merchantId: previous.merchantId };
  ctx.store.replace(stored, assemble(ctx, ids, fields, previous.createdAt, Math.max(timestamp(ctx), previous.updatedAt + 1)));
}

/** Integer Unix milliseconds (the timestamps-in-seconds fault: seconds). */
function timestamp(ctx: TrustlyContext): number {
  const ms = Math.floor(ctx.clock());
  return ctx.fault === 'timestamps-in-seconds' ? Math.floor(ms / 1000) : ms;
}

function editableFields(customer: Customer): Body {
  const fields: Body = {};
  for (const [key, value] of Object.entries(customer)) if (!SERVER_MANAGED.has(key)) fields[key] = value;
  return fields;
}

/** The record in the order of the vendor's example: ids first, timestamps last. */
function assemble(ctx: TrustlyContext, ids: { customerId: string; merchantId: string }, fields: Body, createdAt: number, updatedAt: number): Customer {
  // No copy: `fields` is this call's own object, made of the freshly parsed body and a fresh copy
  // of the previous record (the store keeps records as text).
  let stored = fields;
  // The externalId is spared: mangling the upsert key would break upserts, not round trips.
  if (ctx.fault === 'astral-chars-mangled' && holdsAstral(stored)) stored = { ...(mangleAstral(stored) as Body), ...pick(stored, 'externalId') };
  // Code points, not UTF-16 units: a name of 64 units or fewer cannot be over, and is not split.
  if (typeof stored.name === 'string' && stored.name.length > 64 && [...stored.name].length > 64 && ctx.fault === 'name-truncated-64') {
    stored.name = [...stored.name].slice(0, 64).join('');
  }
  return { customerId: ids.customerId, merchantId: ids.merchantId, ...stored, createdAt, updatedAt };
}

function pick(fields: Body, key: string): Body {
  return key in fields ? { [key]: fields[key] } : {};
}

