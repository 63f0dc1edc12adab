import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { assertData } from '../../src/vendors/trustly/assert-data.ts';
import { customerBodies, unknownCustomerIds } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf } from '../../src/vendors/trustly/client.ts';
import { customerOf, expectStatus } from '../../src/vendors/trustly/expect-reply.ts';
import { createdData, type Body } from '../../src/vendors/trustly/model.ts';
import { digits } from '../../src/vendors/trustly/text-arbitraries.ts';

const passed = (body: Body) => Object.keys(createdData(body));

export const updateChecks = defineChecks('update', {
  // Rich text here: an update must store astral characters, combining marks and long names as
  // faithfully as a create.
  'trustly.customers.update.sets-fields': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'update-sets');
    await ctx.property(fc.tuple(customerBodies(ctx, { style: 'rich' }), customerBodies(ctx, { style: 'rich' })), async ([first, second]) => {
      const externalId = ns.next();
      const created = customerOf(ctx, await client.createOrUpdate({ ...first, externalId }), 'creating the customer to update');
      const body = { ...second, externalId };
      const what = `POST /api/v1/customers/${created.customerId}`;
      const updated = customerOf(ctx, await client.update(created.customerId, body), what);
      assertData(ctx, updated, createdData(body), `${what} did not set every passed value`, passed(body));
      const stored = customerOf(ctx, await client.get(created.customerId), `GET /api/v1/customers/${created.customerId}`);
      ctx.assertEqual(updated, stored, `the response of ${what} is not the record as stored (a following GET)`);
    });
  },

  // The SHOULD reading of "sets the values of the parameters passed"; a target that drops the
  // omitted properties (the other documented reading) fails this rule at level SHOULD only.
  'trustly.customers.update.immutable': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'immutable');
    const attempt = fc.record({
      route: fc.constantFrom('update by id', 'upsert by customerId'),
      otherCustomerId: fc.option(unknownCustomerIds, { nil: undefined }),
      otherMerchantId: digits(9, 10),
    });
    const answers = new Set<number>();
    await ctx.property(fc.tuple(customerBodies(ctx, { style: 'plain' }), customerBodies(ctx, { style: 'plain' }), attempt), async ([first, second, a]) => {
      const externalId = ns.next();
      const created = customerOf(ctx, await client.createOrUpdate({ ...first, externalId }), 'creating the customer to update');
      const merchantId = a.otherMerchantId === created.merchantId ? `${a.otherMerchantId}1` : a.otherMerchantId;
      const byId = a.route === 'update by id';
      // The upsert's customerId is its key, so only the update by id can try to change it.
      const body: Body = { ...second, externalId, merchantId, customerId: byId ? (a.otherCustomerId ?? created.customerId) : created.customerId };
      const what = `${a.route} with merchantId ${merchantId}${byId && a.otherCustomerId ? ` and customerId ${a.otherCustomerId}` : ''}`;
      const reply = byId ? await client.update(created.customerId, body) : await client.createOrUpdate(body);
      expectStatus(ctx, reply, [200, 400, 404], what);
      answers.add(reply.status);
      const ids = (c: { customerId: string; merchantId: string }) => ({ customerId: c.customerId, merchantId: c.merchantId });
      const stored = customerOf(ctx, await client.get(created.customerId), `GET /api/v1/customers/${created.customerId} after the ${what}`);
      ctx.assertEqual(ids(stored), ids(created), `the ${what} changed the customer's ids`);
      // An upsert answering with another customer missed its key: that is trustly.customers.upsert.customer-id's finding.
      const missed = !byId && reply.customer !== undefined && reply.customer.customerId !== created.customerId;
      if (reply.customer && !missed) ctx.assertEqual(ids(reply.customer), ids(created), `the response of the ${what} shows other ids`);
    });
    ctx.observe({ bodyIdsAnsweredWith: [...answers].sort() });
  },
});
