import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { expectStatus } from '../../src/kinds/judge.ts';
import { OperationClient, type Data, type Reply } from '../../src/kinds/operation-client.ts';
import { requiredOf } from '../../src/kinds/record-bodies.ts';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { exampleBody, unknownCustomerIds } from '../../src/vendors/trustly/arbitraries.ts';

// Behaviours the Trustly docs leave open (the spec's x-ambiguity notes). Every reading is
// accepted; each rule records the one the target chose, so a later run can tell when it changes.
// They depend on the target, not on data: one fixed, obviously synthetic record each suffices.
// A live merchant may hold any number of other customers, so what is recorded never depends on
// them: only whether this run's own record shows, never a count.

/** The customers a list answered: a 404 (one reading of "no match") holds none. */
const listed = (reply: Reply) => (reply.status === 200 ? (reply.records ?? []) : []);
const unknownId = (ctx: CheckContext) => fc.sample(unknownCustomerIds, { seed: ctx.seed, numRuns: 1 })[0]!;
/** An obviously synthetic US tax id (no SSN starts with 000). */
const TAX_ID = '000456789';

function taxIdReading(customer: Data): string {
  const value = customer.taxId;
  if (value === undefined || value === null) return 'not returned';
  if (value === TAX_ID) return 'in full';
  if (typeof value === 'string' && value.endsWith(TAX_ID.slice(-4))) return `masked (${value.replace(/[0-9](?=[0-9]{4})/g, '0')})`;
  return 'another value';
}

/**
 * How a partial object sent in an update ended up: merged into the stored one, replacing it, or
 * neither. A property written as null is one without a value (a target may write every unset
 * property so), so nulls are left out before comparing.
 */
function nestedReading(stored: unknown, part: Data, shown: unknown): string {
  const withoutNulls = (value: unknown) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) : value);
  const [before, after] = [withoutNulls(stored), withoutNulls(shown)];
  if (isDeepStrictEqual(after, part)) return 'replaced';
  if (typeof before === 'object' && before !== null && isDeepStrictEqual(after, { ...before, ...part })) return 'merged';
  return 'other';
}

/** Merchant A's client, a namespace for the rule's externalIds, and a customer made from the seed's example. */
async function setUp(ctx: CheckContext, label: string, body: (externalId: string) => Data = exampleBody) {
  const a = new OperationClient(ctx, 'merchantA');
  const ns = new TagNamespace(ctx.tag, label);
  const made = a.recordOf(await a.create(body(ns.next())), `creating a customer (${label})`);
  return { a, ns, made, id: a.idOf(made) };
}

export const readingsChecks = defineChecks('readings', {
  'trustly.customers.list.no-match': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'merchantA');
    const answer = (reply: Reply) => (reply.status === 200 ? `200 with ${listed(reply).length} customers` : String(reply.status));
    const byExternalId = answer(await a.listByTag(new TagNamespace(ctx.tag, 'no-match').next()));
    ctx.observe({ byExternalId, byCustomerId: answer(await a.call('listCustomers', { query: { customerId: unknownId(ctx) } })) });
  },

  'trustly.customers.list.unfiltered': async (ctx: CheckContext) => {
    const { a, id } = await setUp(ctx, 'list-unfiltered');
    const reply = await a.call('listCustomers');
    expectStatus(ctx, reply, [200, 400], 'GET /api/v1/customers without a filter');
    if (reply.status !== 200) return ctx.observe({ answer: `refused (${reply.status})` });
    const own = reply.records!.some((c) => c.customerId === id);
    ctx.observe({ answer: reply.records!.length === 0 ? 'none (200)' : own ? "the merchant's customers (200)" : 'some customers, not the one just created (200)' });
  },

  'trustly.customers.external-id.case': async (ctx: CheckContext) => {
    const { a, id, made } = await setUp(ctx, 'case', (key) => exampleBody(`${key}Case`));
    const other = String(made.externalId).toUpperCase();
    const list = listed(await a.listByTag(other));
    const upsert = a.recordOf(await a.create(exampleBody(other)), `POST /api/v1/customers with externalId ${other}`);
    ctx.observe({
      listFilter: list.some((c) => c.customerId === id) ? 'ignores case' : 'case-sensitive',
      upsertKey: upsert.customerId === id ? 'ignores case' : 'case-sensitive',
    });
  },

  'trustly.customers.enroll-date.default': async (ctx: CheckContext) => {
    const { made } = await setUp(ctx, 'enroll');
    const { enrollDate } = made;
    ctx.observe({
      enrollDate: enrollDate === undefined || enrollDate === null ? 'absent' : enrollDate === made.createdAt ? 'createdAt' : Number.isInteger(enrollDate) ? 'another integer' : typeof enrollDate,
    });
  },

  'trustly.customers.upsert.unknown-customer-id': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'merchantA');
    const customerId = unknownId(ctx);
    const reply = await a.create({ ...exampleBody(new TagNamespace(ctx.tag, 'unknown-id').next()), customerId });
    const made = reply.status === 200 ? reply.record : undefined;
    ctx.observe({ status: reply.status, outcome: made ? (made.customerId === customerId ? 'created with the sent customerId' : 'created with a new customerId') : 'refused' });
  },

  // Recorded from both the create's response and a following get, which may differ.
  'trustly.customers.tax-id.masking': async (ctx: CheckContext) => {
    const { a, id, made } = await setUp(ctx, 'tax-id', (key) => ({ ...exampleBody(key), taxId: TAX_ID }));
    ctx.observe({ created: taxIdReading(made), stored: taxIdReading(a.recordOf(await a.get(id), `GET /api/v1/customers/${id}`)) });
  },

  'trustly.customers.update.body-merchant-id': async (ctx: CheckContext) => {
    const { a, id, made } = await setUp(ctx, 'body-merchant-id');
    // Another merchant's id that cannot be the caller's: the caller's with a digit added.
    const attempts = { own: String(made.merchantId), other: `${String(made.merchantId)}1` };
    const observation: Data = {};
    for (const [whose, merchantId] of Object.entries(attempts)) {
      const reply = await a.update(id, { ...exampleBody(String(made.externalId)), name: `Joe User ${whose}`, merchantId });
      expectStatus(ctx, reply, [200, 400, 404], `POST /api/v1/customers/${id} with ${whose === 'own' ? 'its own' : 'another'} merchantId in the body`);
      observation[whose] = reply.status === 200 ? 'ignored (200)' : `refused (${reply.status})`;
    }
    ctx.observe(observation);
  },

  'trustly.customers.update.nested': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'merchantA');
    const ns = new TagNamespace(ctx.tag, 'nested');
    const whole = (externalId: string): Data => ({ ...exampleBody(externalId), customData: { plan: 'conform-test', tier: 1 }, driverLicense: { number: 'TEST1234', state: 'CA' } });
    const parts: Record<string, Data> = { address: { country: 'US', city: 'Testville' }, customData: { tier: 2 }, driverLicense: { number: 'TEST5678' } };
    const observation: Record<string, string> = {};
    for (const [field, part] of Object.entries(parts)) {
      const created = a.recordOf(await a.create(whole(ns.next())), `creating the customer whose ${field} is updated`);
      const id = a.idOf(created);
      const what = `POST /api/v1/customers/${id} with part of ${field}`;
      const reply = await a.update(id, { ...requiredOf(ctx, created), externalId: created.externalId, [field]: part });
      // A driverLicense lacks its state here, which trustly.customers.driver-license refuses.
      expectStatus(ctx, reply, [200, 400], what);
      observation[field] = reply.status === 200 ? nestedReading(created[field], part, a.recordOf(await a.get(id), `GET /api/v1/customers/${id} after the ${what}`)[field]) : `refused (${reply.status})`;
    }
    ctx.observe(observation);
  },
});
