import { applyPartOfRefusedUpdate, createCustomer, updateCustomer } from './customer-writes.ts';
import { checkCustomerBody } from './check-customer-body.ts';
import { customerListJson, customerReplyJson, type ReplyJson } from './customer-json.ts';
import type { Customer, StoredCustomer } from './customer-store.ts';
import type { Merchant } from './merchant-credentials.ts';
import { DOMAINS, ERROR_CODES, TrustlyProblem, customerNotFound, invalidParameter } from './trustly-problem.ts';
import type { TrustlyContext } from './trustly-context.ts';

// The four documented operations. Each runs after authentication; each refuses (throws a
// TrustlyProblem) before touching the store, so a refused call never changes anything.

export interface Call {
  merchant: Merchant;
  query: URLSearchParams;
  /** The parsed JSON body, for the two POST operations. */
  body?: unknown;
  /** The decoded {customerId} path segment. */
  customerId?: string;
}

/** An answer: its body as JSON text when spelled from stored records, else as a value. */
export type Reply = { status: number; payload: ReplyJson; body?: never } | { status: number; body: unknown; payload?: never };

const NUMERIC = /^[0-9]+$/;

/** POST /api/v1/customers: create, or upsert by customerId, else by externalId (body, then query). */
export function createOrUpdateCustomer(ctx: TrustlyContext, call: Call): Reply {
  const givenExternalId = singleParameter(call.query, 'externalId');
  const queryExternalId = givenExternalId !== undefined && ctx.fault === 'external-id-query-ignored' ? undefined : givenExternalId;
  if (queryExternalId === '') throw invalidParameter('Invalid parameter externalId: it must not be empty.', 'externalId');
  const { body, problem } = checkCustomerBody(ctx, 'createOrUpdateCustomer', call.body);
  if (problem) throw problem;
  const owner = call.merchant.merchantId;

  // An unknown customerId, or another merchant's, is 404: the spec lists 404 for this operation
  // and there is no customer to update (the first reading of its x-ambiguity note).
  if (typeof body.customerId === 'string') {
    if (ctx.fault === 'upsert-customer-id-ignored') return customerReply(createCustomer(ctx, owner, body, queryExternalId));
    const stored = ctx.store.get(owner, body.customerId);
    // The docs leave open whether an unknown customerId is refused or a new customer is made.
    if (!stored && ctx.variants.has('upsert-unknown-customer-id-creates')) return customerReply(createCustomer(ctx, owner, body, queryExternalId));
    if (!stored) throw customerNotFound(body.customerId);
    return customerReply(updateCustomer(ctx, stored, body, 'upsert'));
  }

  // A body externalId wins over the query parameter; the query is the key only when the body
  // has none (the spec's first reading: two ways of giving the same upsert key).
  const key = typeof body.externalId === 'string' ? body.externalId : queryExternalId;
  if (key !== undefined) {
    // With several customers sharing the externalId (possible through update by id), the oldest wins.
    const match = ctx.fault === 'external-id-global-scope' ? ctx.store.byExternalIdAnywhere(key) : byExternalId(ctx, owner, key)[0];
    if (match && ctx.fault !== 'upsert-external-id-duplicates') return customerReply(updateCustomer(ctx, match, body, 'upsert'));
  }

  const created = createCustomer(ctx, owner, body, queryExternalId);
  // customData is stored whenever the body gives it a value (createCustomer drops only nulls).
  if (body.customData !== undefined && body.customData !== null && ctx.fault === 'create-response-omits-custom-data') {
    const { customData: _omitted, ...rest } = created.customer;
    return { status: 200, body: { customer: rest } };
  }
  return customerReply(created);
}

/** GET /api/v1/customers/{customerId}. A non-numeric id is simply not found (the spec's first reading). */
export function getCustomer(ctx: TrustlyContext, call: Call): Reply {
  const customerId = call.customerId ?? '';
  // Ids are unique across merchants: another merchant's record is all the fault can add.
  const stored = ctx.store.get(call.merchant.merchantId, customerId) ?? (ctx.fault === 'other-merchant-reads-by-id' ? ctx.store.findAnywhere(customerId) : undefined);
  if (!stored) {
    if (NUMERIC.test(customerId) && !ctx.store.findAnywhere(customerId) && ctx.fault === 'get-unknown-400') {
      throw invalidParameter(`Invalid parameter customerId: ${customerId} is not a valid customer.`, 'customerId');
    }
    throw customerNotFound(customerId);
  }
  return { status: 200, payload: customerReplyJson(stored) };
}

/**
 * GET /api/v1/customers: the caller's customers matching every given filter exactly, in creation
 * order. Without a filter, every customer of the merchant (the first reading of the spec's
 * x-ambiguity note; the docs have no paging). Other query parameters are ignored, as HTTP APIs
 * commonly do, rather than refused.
 */
export function listCustomers(ctx: TrustlyContext, call: Call): Reply {
  const externalId = singleParameter(call.query, 'externalId');
  const customerId = singleParameter(call.query, 'customerId');
  if (externalId === '') throw invalidParameter('Invalid parameter externalId: it must not be empty.', 'externalId');
  if (customerId !== undefined && !NUMERIC.test(customerId)) {
    throw invalidParameter('Invalid parameter customerId: it must be a numeric string.', 'customerId');
  }
  const owner = call.merchant.merchantId;
  const cacheKey = `${owner}\n${ctx.store.countOf(owner)}\n${externalId ?? ''}\n${customerId ?? ''}`;
  const cached = ctx.listCache.get(cacheKey);
  if (cached && ctx.fault === 'list-stale-after-update') return { status: 200, payload: cached };

  let found: StoredCustomer[];
  if (customerId !== undefined && ctx.fault !== 'list-customer-id-ignored') {
    const stored = ctx.store.get(owner, customerId);
    found = stored && (externalId === undefined || stored.externalId === externalId) ? [stored] : [];
  } else if (externalId !== undefined) {
    found =
      ctx.fault === 'list-prefix-match'
        ? ctx.store.ofMerchant(owner).filter((s) => s.externalId?.startsWith(externalId) === true)
        : byExternalId(ctx, owner, externalId);
  } else {
    // The docs name no answer to a list without a filter: every customer, none, or a refusal.
    if (ctx.variants.has('list-unfiltered-400')) throw invalidParameter('Invalid parameter: give externalId or customerId.', 'externalId');
    found = ctx.variants.has('list-unfiltered-none') ? [] : ctx.store.ofMerchant(owner);
  }
  if (found.length === 0 && (externalId !== undefined || customerId !== undefined) && ctx.variants.has('list-no-match-404')) {
    throw new TrustlyProblem(404, ERROR_CODES.invalidParameter, DOMAINS.customer, { message: 'No customer matches the given filter for this merchant.' });
  }
  const payload = customerListJson(found);
  if (ctx.fault === 'list-stale-after-update') ctx.listCache.set(cacheKey, payload);
  return { status: 200, payload };
}

/** POST /api/v1/customers/{customerId}: update by id. */
export function updateCustomerById(ctx: TrustlyContext, call: Call): Reply {
  const customerId = call.customerId ?? '';
  const sent = sendsNullRequired(call.body) && ctx.fault === 'null-required-kept' ? keepNullRequired(call.body, ctx.store.get(call.merchant.merchantId, customerId)?.customer) : call.body;
  const { body, problem, badFields } = checkCustomerBody(ctx, 'updateCustomer', sent);
  if (!problem && ('createdAt' in body || 'updatedAt' in body) && ctx.fault === 'post-back-refused') {
    throw invalidParameter('Invalid parameter createdAt: it is read-only.', 'createdAt');
  }
  const stored = findUpdated(ctx, call.merchant.merchantId, customerId, body);
  if (problem) {
    if (stored && ctx.fault === 'refused-update-applies-fields') applyPartOfRefusedUpdate(ctx, stored, body, badFields);
    throw problem;
  }
  if (!stored) throw customerNotFound(customerId);
  return customerReply(updateCustomer(ctx, stored, body, 'by-id'));
}

/** The merchant's customers with this externalId, oldest first; `external-id-case-insensitive` ignores case. */
function byExternalId(ctx: TrustlyContext, owner: string, externalId: string): StoredCustomer[] {
  if (!ctx.variants.has('external-id-case-insensitive')) return ctx.store.byExternalId(owner, externalId);
  const wanted = externalId.toLowerCase();
  return ctx.store
    .ofMerchant(owner)
    .filter((s) => s.externalId?.toLowerCase() === wanted)
    .sort((a, b) => a.seq - b.seq);
}

/** The customer an update by id changes: the path's (the update-finds-by-body-external-id fault: the body externalId's). */
function findUpdated(ctx: TrustlyContext, owner: string, customerId: string, body: Record<string, unknown>): StoredCustomer | undefined {
  const stored = ctx.store.get(owner, customerId);
  if (stored && typeof body.externalId === 'string' && ctx.fault === 'update-finds-by-body-external-id') {
    return ctx.store.byExternalId(owner, body.externalId)[0] ?? stored;
  }
  return stored;
}

const NULLABLE_REQUIRED = ['name', 'address', 'phone', 'email'] as const;

/** Whether a body sends a required field as null (only then can null-required-kept change it). */
function sendsNullRequired(body: unknown): boolean {
  return typeof body === 'object' && body !== null && NULLABLE_REQUIRED.some((field) => (body as Record<string, unknown>)[field] === null);
}

/** The null-required-kept fault: a required field sent as null takes its stored value, as if omitted. */
function keepNullRequired(body: unknown, stored: Customer | undefined): unknown {
  if (!stored || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const copy: Record<string, unknown> = { ...body };
  for (const field of NULLABLE_REQUIRED) if (copy[field] === null) copy[field] = stored[field];
  return copy;
}

/** The answer to a write: the record as stored afterwards. */
function customerReply(stored: StoredCustomer): Reply {
  return { status: 200, payload: customerReplyJson(stored) };
}

/** A query parameter given at most once; a repeated one is ambiguous, so it is refused. */
function singleParameter(query: URLSearchParams, name: string): string | undefined {
  if (query.size === 0) return undefined;
  const values = query.getAll(name);
  if (values.length > 1) throw invalidParameter(`Invalid parameter ${name}: it is given ${values.length} times; give it once.`, name);
  return values[0];
}
