import { collidingCustomerId, uniqueCustomerId } from './customer-id.ts';
import { applyUpdate, createFields, withFieldOrder } from './customer-fields.ts';
import type { Customer } from './customer-store.ts';
import type { HandlerContext, Reply } from './handler-context.ts';
import { isoTime, isPlainObject } from './handler-context.ts';
import { invalidRequest, notFound } from './trustist-problem.ts';
import { assertValidBody } from './validate-body.ts';

const HOUR_MS = 3_600_000;
const COLLISIONS_FROM = 29;

/** POST /v1/customers: every field optional, duplicates allowed, 201 with the stored record. */
export function createCustomer(ctx: HandlerContext): Reply {
  const { store, fault } = ctx;
  let body = ctx.body;
  // Whether null in an optional field is refused or means "absent" on create is not documented.
  if (isPlainObject(body) && holdsNull(body) && ctx.variants.has('create-null-as-absent')) body = withoutNulls(body);
  if (!isPlainObject(body) && fault === 'create-accepts-non-object') body = {};
  try {
    assertValidBody(ctx, 'createCustomer', body);
  } catch (refusal) {
    // The realistic bug: the record is written with what was read of the body before validation refuses it.
    if (fault === 'invalid-create-persists') store.insert(newRecord(ctx, isPlainObject(body) && typeof body.orgId === 'string' ? { orgId: body.orgId } : {}));
    throw refusal;
  }
  if (typeof body.emailAddress !== 'string' && fault === 'create-requires-email') throw invalidRequest('emailAddress is required');
  const fields = createFields(body, fault);
  if (fault === 'create-dedupes') {
    const same = store.list(ctx.tenantId).find((c) => JSON.stringify(createFields(c as unknown as Record<string, unknown>)) === JSON.stringify(fields));
    if (same) return { status: 201, body: same };
  }
  const record = newRecord(ctx, fields);
  store.insert(record);
  if (record.dateOfBirth !== undefined && fault === 'create-echo-drops-date-of-birth') return { status: 201, body: { ...record, dateOfBirth: undefined } };
  return { status: 201, body: record };
}

function newRecord(ctx: HandlerContext, fields: object): Customer {
  const now = ctx.fault === 'create-timestamps-local-time' ? ctx.now() - HOUR_MS : ctx.now();
  const id = ctx.store.size >= COLLISIONS_FROM && ctx.fault === 'ids-collide' ? collidingCustomerId() : uniqueCustomerId((candidate) => ctx.store.has(candidate));
  const lastUpdated = ctx.fault === 'create-last-updated-before-created' ? isoTime(now - 1000) : isoTime(now);
  return withFieldOrder({ id, tenantId: ctx.tenantId, ...fields, created: isoTime(now), lastUpdated });
}

/** The caller's customer by id; another tenant's is as unknown as one that never existed. */
function visibleCustomer(ctx: HandlerContext, crossTenantFault: () => boolean): Customer | undefined {
  const record = ctx.store.find(ctx.customerId);
  return record && (record.tenantId === ctx.tenantId || crossTenantFault()) ? record : undefined;
}

/** GET /v1/customers/{id}. */
export function getCustomer(ctx: HandlerContext): Reply {
  const record = visibleCustomer(ctx, () => ctx.fault === 'get-cross-tenant');
  if (!record && !ctx.store.has(ctx.customerId) && ctx.fault === 'get-unknown-400') throw invalidRequest('the customer id is not valid');
  if (!record) throw notFound(`no customer with id ${JSON.stringify(ctx.customerId)}`);
  return { status: 200, body: record };
}

/** PUT /v1/customers/{id}: a partial update; id, tenantId and created never change. */
export function updateCustomer(ctx: HandlerContext): Reply {
  const body = !isPlainObject(ctx.body) && ctx.fault === 'update-accepts-non-object' ? {} : ctx.body;
  assertValidBody(ctx, 'updateCustomer', body);
  const previous = visibleCustomer(ctx, () => ctx.fault === 'update-cross-tenant');
  if (!previous && !ctx.store.has(ctx.customerId) && ctx.fault === 'update-unknown-creates') {
    const created = { ...newRecord(ctx, createFields(stripNulls(body))), id: ctx.customerId };
    ctx.store.insert(created);
    return { status: 200, body: created };
  }
  if (!previous) throw notFound(`no customer with id ${JSON.stringify(ctx.customerId)}`);
  const now = ctx.now();
  const next = applyUpdate(previous, body, ctx.fault, () => ctx.variants.has('address-update-merges'));
  // Strictly later than before, even when the clock has not moved (or moved back) since.
  next.lastUpdated = ctx.fault === 'update-last-updated-frozen' ? previous.lastUpdated : isoTime(Math.max(now, Date.parse(previous.lastUpdated) + 1));
  if (ctx.fault === 'update-resets-created') next.created = isoTime(now);
  const immutable = pickStrings(body, ['id', 'tenantId']);
  if (Object.keys(immutable).length > 0 && ctx.fault === 'update-writes-immutable') Object.assign(next, immutable);
  ctx.store.replace(ctx.customerId, previous, next);
  return { status: 200, body: ctx.fault === 'update-answers-previous' ? previous : next };
}

/**
 * GET /v1/customers[?orgId=X]: a bare array, in creation order; other query parameters are
 * ignored. With a page size (the paging switch), one page of it, `page` (from 1) choosing which,
 * and the next page's URL in a `Link: <...>; rel="next"` header while there is one.
 */
export function listCustomers(ctx: HandlerContext): Reply {
  const orgId = ctx.query.get('orgId') ?? undefined;
  const all = ctx.store.list(ctx.tenantId, orgId);
  if (orgId === undefined && ctx.fault === 'list-unfiltered-skips-no-org') return page(ctx, all.filter((c) => c.orgId !== undefined));
  if (orgId !== undefined && /[^\x00-\x7f]/.test(orgId) && !ctx.store.orgInUse(orgId) && ctx.fault === 'list-unknown-org-non-ascii-400') {
    throw invalidRequest(`no organisation ${JSON.stringify(orgId)}`);
  }
  return page(ctx, all);
}

/** The whole list, or with a page size (the paging switch) the page `page` (from 1) asks for, the next one named in a Link header. */
function page(ctx: HandlerContext, all: Customer[]): Reply {
  if (ctx.pageSize === undefined) return { status: 200, body: all };
  const requested = Number(ctx.query.get('page') ?? '1');
  const page = Number.isSafeInteger(requested) && requested >= 1 ? requested : 1;
  const body = all.slice((page - 1) * ctx.pageSize, page * ctx.pageSize);
  if (page * ctx.pageSize >= all.length) return { status: 200, body };
  const next = new URLSearchParams(ctx.query);
  next.set('page', String(page + 1));
  return { status: 200, body, headers: { link: `<${ctx.baseUrl}/v1/customers?${next}>; rel="next"` } };
}

/** A create body with its null fields, the address's included, left out. */
/** Whether withoutNulls would take anything out. */
function holdsNull(body: Record<string, unknown>): boolean {
  return Object.values(body).includes(null) || (isPlainObject(body.address) && Object.values(body.address).includes(null));
}

function withoutNulls(body: Record<string, unknown>): Record<string, unknown> {
  const kept = stripNulls(body);
  if (isPlainObject(kept.address)) kept.address = stripNulls(kept.address);
  return kept;
}

function stripNulls(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null));
}

function pickStrings(body: Record<string, unknown>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((k) => typeof body[k] === 'string').map((k) => [k, body[k] as string]));
}
