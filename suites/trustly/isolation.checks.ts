import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { assertData } from '../../src/vendors/trustly/assert-data.ts';
import { customerBodies } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf, type Reply } from '../../src/vendors/trustly/client.ts';
import { customerOf, customersOf, expectStatus } from '../../src/vendors/trustly/expect-reply.ts';
import { createdData } from '../../src/vendors/trustly/model.ts';

export const isolationChecks = defineChecks('isolation', {
  'trustly.merchants.isolated': async (ctx: CheckContext) => {
    const a = clientOf(ctx, 'A');
    const b = clientOf(ctx, 'B');
    const ns = new TagNamespace(ctx.tag, 'isolated');
    const upsertAnswers = new Set<string>();
    const bodies = fc.array(customerBodies(ctx, { style: 'plain' }), { minLength: 3, maxLength: 3 });
    await ctx.property(bodies, async ([first, second, third]) => {
      const externalId = ns.next();
      const body = { ...first!, externalId };
      const created = customerOf(ctx, await a.createOrUpdate(body), "creating merchant A's customer");
      const id = created.customerId;

      expectStatus(ctx, await b.get(id), 404, `merchant B's GET /api/v1/customers/${id} (merchant A's customer)`);
      expectStatus(ctx, await b.update(id, { ...second!, externalId }), 404, `merchant B's POST /api/v1/customers/${id} (merchant A's customer)`);
      const notListed = async (filter: { externalId: string } | { customerId: string }) => {
        const listed = customersOf(ctx, await b.list(filter), `merchant B's GET /api/v1/customers?${new URLSearchParams(filter)}`);
        ctx.assert(!listed.some((c) => c.customerId === id), `merchant B's list by ${Object.keys(filter)[0]} shows merchant A's customer ${id}`, {
          received: listed.map((c) => c.customerId),
          expected: `no customer ${id}`,
        });
      };
      await notListed({ externalId });
      await notListed({ customerId: id });

      // Upserts naming A's customer by its keys: either documented answer (404, or a new
      // customer of B) is accepted, as long as A's customer is neither changed nor returned.
      const byExternalId = await b.createOrUpdate({ ...third!, externalId });
      const byCustomerId = await b.createOrUpdate({ ...third!, customerId: id, externalId: ns.next() });
      for (const [how, reply] of [['externalId', byExternalId], ['customerId', byCustomerId]] as [string, Reply][]) {
        const what = `merchant B's POST /api/v1/customers with merchant A's ${how}`;
        expectStatus(ctx, reply, [200, 404], what);
        upsertAnswers.add(`${how}: ${reply.status === 200 ? 'new customer of B' : '404'}`);
        if (reply.customer) ctx.assert(reply.customer.customerId !== id, `${what} answered with merchant A's customer ${id}`, { received: reply.customer, expected: 'a customer of merchant B, or 404' });
      }
      if (byExternalId.customer) await notListed({ externalId });

      const stored = customerOf(ctx, await a.get(id), `merchant A's GET /api/v1/customers/${id}`);
      ctx.assertEqual(stored.updatedAt, created.updatedAt, `merchant B's calls changed merchant A's customer ${id} (its updatedAt moved)`);
      assertData(ctx, stored, createdData(body), `merchant B's calls changed merchant A's customer ${id}`);
      const own = customersOf(ctx, await a.list({ externalId }), `merchant A's GET /api/v1/customers?externalId=${externalId}`);
      ctx.assertEqual(own.map((c) => c.customerId), [id], `merchant A's list by externalId shows other than its own customer`);
    }, { runs: Math.max(1, Math.ceil(ctx.runs / 2)) });
    ctx.observe({ upsertWithAnotherMerchantsKey: [...upsertAnswers].sort() });
  },
});
