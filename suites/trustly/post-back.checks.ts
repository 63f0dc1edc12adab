import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { assertData } from '../../src/vendors/trustly/assert-data.ts';
import { customerBodies } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf, type Customer } from '../../src/vendors/trustly/client.ts';
import { expectStatus } from '../../src/kinds/judge.ts';
import { customerOf } from '../../src/vendors/trustly/expect-reply.ts';
import { createdData, dataOf, differences, OPTIONAL_FIELDS, REQUIRED_FIELDS, type Body } from '../../src/vendors/trustly/model.ts';

/** The fields a client may edit before posting the object back (externalId stays: it tags the record). */
const EDITABLE = [...REQUIRED_FIELDS, ...OPTIONAL_FIELDS.filter((f) => f !== 'externalId')];
const ids = (c: Customer) => ({ customerId: c.customerId, merchantId: c.merchantId });

export const postBackChecks = defineChecks('post-back', {
  // The update page's own advice: get the customer, change a field, post the object back. The
  // object carries customerId, merchantId, createdAt and updatedAt as the get returned them; a
  // target that refuses them, or takes its timestamps from them, breaks the documented flow.
  'trustly.customers.update.post-back': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'post-back');
    const input = fc.tuple(customerBodies(ctx, { style: 'plain', complete: true }), customerBodies(ctx, { style: 'plain', complete: true }), fc.constantFrom(...EDITABLE));
    await ctx.property(input, async ([first, second, field]) => {
      const created = customerOf(ctx, await client.createOrUpdate({ ...first, externalId: ns.next() }), 'creating the customer to post back');
      const got = customerOf(ctx, await client.get(created.customerId), `GET /api/v1/customers/${created.customerId}`);
      const edited: Body = { ...structuredClone(got), [field]: second[field] };
      const what = `posting back the fetched customer ${created.customerId} with ${field} changed`;
      const reply = await client.update(created.customerId, edited);
      const updated = customerOf(ctx, reply, what);
      const expected = createdData({ ...dataOf(got), [field]: second[field] });
      assertData(ctx, updated, expected, `the response of ${what}`);
      const stored = customerOf(ctx, await client.get(created.customerId), `GET /api/v1/customers/${created.customerId} after the post-back`);
      assertData(ctx, stored, expected, `customer ${created.customerId} after ${what}`);
      ctx.assertEqual(stored.createdAt, got.createdAt, `${what} changed createdAt`);
      ctx.assertEqual(ids(stored), ids(got), `${what} changed the customer's ids`);
    });
  },

  // A body may name other customers: another customer's customerId or externalId (the seed's
  // example body carries a customerId). The path alone says which customer changes. A refusal
  // (4xx) is one documented reading of ids in the body; then nothing may change at all.
  'trustly.customers.update.path-wins': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'path-wins');
    const carried = fc.constantFrom('customerId', 'externalId', 'customerId and externalId');
    const answers = new Set<number>();
    // Three ways of naming the other customer, each tried several times within 15 runs.
    const input = fc.tuple(customerBodies(ctx, { style: 'plain' }), customerBodies(ctx, { style: 'plain' }), customerBodies(ctx, { style: 'plain' }), carried);
    await ctx.property(input, async ([firstBody, otherBody, change, which]) => {
      const made = customerOf(ctx, await client.createOrUpdate({ ...firstBody, externalId: ns.next() }), 'creating the customer the path names');
      const madeOther = customerOf(ctx, await client.createOrUpdate({ ...otherBody, externalId: ns.next() }), 'creating the customer the body names');
      // Both as a get shows them: the baseline every later get is compared with.
      const target = customerOf(ctx, await client.get(made.customerId), `GET /api/v1/customers/${made.customerId}`);
      const other = customerOf(ctx, await client.get(madeOther.customerId), `GET /api/v1/customers/${madeOther.customerId}`);
      const body: Body = { ...change, externalId: target.externalId };
      if (which.includes('customerId')) body.customerId = other.customerId;
      if (which.includes('externalId')) body.externalId = other.externalId;
      const what = `POST /api/v1/customers/${target.customerId} with the ${which} of customer ${other.customerId}`;
      const reply = await client.update(target.customerId, body);
      expectStatus(ctx, reply, [200, 400, 404], what);
      answers.add(reply.status);
      const otherAfter = customerOf(ctx, await client.get(other.customerId), `GET /api/v1/customers/${other.customerId} after the ${what}`);
      ctx.assertEqual(otherAfter, other, `${what} changed customer ${other.customerId}, which the path does not name`);
      const targetAfter = customerOf(ctx, await client.get(target.customerId), `GET /api/v1/customers/${target.customerId} after the ${what}`);
      if (reply.status === 200) {
        ctx.assertEqual(reply.customer!.customerId, target.customerId, `${what} answered with another customer`);
        // The path's customer is the one that changed. Whether every passed value was set is
        // trustly.customers.update.sets-fields' matter; here it is enough that something was,
        // whenever the passed values differ from what it held.
        const sent = createdData(change);
        const news = differences(dataOf(target), sent, Object.keys(sent));
        const unchanged = isDeepStrictEqual(dataOf(targetAfter), dataOf(target));
        ctx.assert(news.length === 0 || !unchanged, `${what} answered 200 but left customer ${target.customerId}, which the path names, unchanged`, {
          received: dataOf(targetAfter),
          expected: Object.fromEntries(news.map((d) => [d.field, d.expected])),
        });
      } else {
        ctx.assertEqual(targetAfter, target, `${what} was refused with ${reply.status} but changed customer ${target.customerId}`);
      }
    }, { runs: ctx.runsAtMost(15) });
    ctx.observe({ bodyNamingAnotherCustomerAnsweredWith: [...answers].sort() });
  },
});
