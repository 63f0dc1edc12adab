import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { exampleBody, unknownCustomerIds } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf, type Reply } from '../../src/vendors/trustly/client.ts';
import { customerOf } from '../../src/vendors/trustly/expect-reply.ts';

// Behaviours the Trustly docs leave open (the spec's x-ambiguity notes). Every reading is
// accepted; each rule records the one the target chose, so a later run can tell when it changes.
// They depend on the target, not on data: one run each.

/** The customers a list answered: a 404 (one reading of "no match") holds none. */
const listed = (reply: Reply) => (reply.status === 200 ? (reply.customers ?? []) : []);

export const readingsChecks = defineChecks('readings', {
  'trustly.customers.list.no-match': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'no-match');
    const byExternalId = await client.list({ externalId: ns.next() });
    const [unknownId] = fc.sample(unknownCustomerIds, { seed: ctx.seed, numRuns: 1 });
    const byCustomerId = await client.list({ customerId: unknownId! });
    const answer = (reply: Reply) => (reply.status === 200 ? `200 with ${listed(reply).length} customers` : String(reply.status));
    ctx.observe({ byExternalId: answer(byExternalId), byCustomerId: answer(byCustomerId) });
  },

  'trustly.customers.external-id.case': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const key = `${new TagNamespace(ctx.tag, 'case').next()}Case`;
    const made = customerOf(ctx, await client.createOrUpdate(exampleBody(key)), `POST /api/v1/customers with externalId ${key}`);
    const other = key.toUpperCase();
    const list = listed(await client.list({ externalId: other }));
    const upsert = customerOf(ctx, await client.createOrUpdate(exampleBody(other)), `POST /api/v1/customers with externalId ${other}`);
    ctx.observe({
      listFilter: list.some((c) => c.customerId === made.customerId) ? 'ignores case' : 'case-sensitive',
      upsertKey: upsert.customerId === made.customerId ? 'ignores case' : 'case-sensitive',
    });
  },

  'trustly.customers.enroll-date.default': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const made = customerOf(ctx, await client.createOrUpdate(exampleBody(new TagNamespace(ctx.tag, 'enroll').next())), 'POST /api/v1/customers without enrollDate');
    const enrollDate = made.enrollDate;
    ctx.observe({
      enrollDate: enrollDate === undefined || enrollDate === null ? 'absent' : enrollDate === made.createdAt ? 'createdAt' : Number.isInteger(enrollDate) ? 'another integer' : typeof enrollDate,
    });
  },

  'trustly.customers.upsert.unknown-customer-id': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const [unknownId] = fc.sample(unknownCustomerIds, { seed: ctx.seed, numRuns: 1 });
    const reply = await client.createOrUpdate({ ...exampleBody(new TagNamespace(ctx.tag, 'unknown-id').next()), customerId: unknownId });
    const made = reply.status === 200 ? reply.customer : undefined;
    ctx.observe({
      status: reply.status,
      ...(made ? { outcome: made.customerId === unknownId ? 'created with the sent customerId' : 'created with a new customerId' } : { outcome: 'refused' }),
    });
  },
});
