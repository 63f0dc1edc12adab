import fc from 'fast-check';
import { listedRecords } from '../../src/kinds/listed.ts';
import { OperationClient, type Data } from '../../src/kinds/operation-client.ts';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { customerBodies, externalIdSuffix, unknownCustomerIds } from '../../src/vendors/trustly/arbitraries.ts';

// The list rules always send exactly one filter (the spec's ambiguity note: both readings of an
// unfiltered or doubly filtered list agree on that), never an unfiltered list.

type Filter = { externalId: string } | { customerId: string };
const show = (filter: Filter) => `GET /api/v1/customers?${new URLSearchParams(filter)}`;
const bodies = (ctx: CheckContext, n: number) => fc.array(customerBodies(ctx, { style: 'plain' }), { minLength: n, maxLength: n });

async function expectListed(ctx: CheckContext, a: OperationClient, filter: Filter, expectedIds: string[]): Promise<Data[]> {
  const listed = listedRecords(ctx, await a.call('listCustomers', { query: filter }), show(filter));
  ctx.assertEqual(listed.map((c) => c.customerId).sort(), [...expectedIds].sort(), `${show(filter)} did not return exactly the matching customers of the merchant`);
  return listed;
}

/**
 * Lists a filter, updates its customer, and lists the same filter again: the second answer must
 * be the stored record (a following GET), not a copy from before the update.
 */
async function expectFreshAfterUpdate(ctx: CheckContext, a: OperationClient, filter: Filter, customer: Data, update: Data): Promise<void> {
  const id = a.idOf(customer);
  await expectListed(ctx, a, filter, [id]);
  a.recordOf(await a.update(id, update), `updating customer ${id}`);
  const [listed] = await expectListed(ctx, a, filter, [id]);
  ctx.assertEqual(listed, a.recordOf(await a.get(id), `GET /api/v1/customers/${id}`), `${show(filter)} after an update of customer ${id} does not show the stored record`);
}

const swapCase = (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

export const listChecks = defineChecks('list', {
  'trustly.customers.list.by-external-id': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'merchantA');
    const ns = new TagNamespace(ctx.tag, 'list-external-id');
    await ctx.property(fc.tuple(externalIdSuffix, fc.stringMatching(/^[a-z0-9]{1,3}$/), bodies(ctx, 4)), async ([suffix, extension, [b0, b1, b2, update]]) => {
      const root = ns.next();
      // Exact match only: one externalId a prefix of another, and one differing in letter case.
      const externalIds = [`${root}${suffix}`, `${root}${suffix}${extension}`, `${root}${swapCase(suffix)}`];
      const created: Data[] = [];
      for (const [i, body] of [b0!, b1!, b2!].entries()) {
        created.push(a.recordOf(await a.create({ ...body, externalId: externalIds[i] }), `creating a customer with externalId ${externalIds[i]}`));
      }
      for (const [i, externalId] of externalIds.entries()) {
        if (i === 0) continue; // listed by expectFreshAfterUpdate below
        const [listed] = await expectListed(ctx, a, { externalId }, [a.idOf(created[i]!)]);
        ctx.assertEqual(listed!.externalId, externalId, `${show({ externalId })} returned a customer with another externalId`);
      }
      await expectFreshAfterUpdate(ctx, a, { externalId: externalIds[0]! }, created[0]!, { ...update!, externalId: externalIds[0] });
    });
  },

  'trustly.customers.list.by-customer-id': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'merchantA');
    const ns = new TagNamespace(ctx.tag, 'list-customer-id');
    await ctx.property(fc.tuple(bodies(ctx, 3), unknownCustomerIds), async ([[b0, b1, update], unknownId]) => {
      const c0 = a.recordOf(await a.create({ ...b0!, externalId: ns.next() }), 'creating a customer');
      const c1 = a.idOf(a.recordOf(await a.create({ ...b1!, externalId: ns.next() }), 'creating a customer'));
      await expectListed(ctx, a, { customerId: c1 }, [c1]);
      await expectListed(ctx, a, { customerId: unknownId }, []);
      await expectFreshAfterUpdate(ctx, a, { customerId: a.idOf(c0) }, c0, { ...update!, externalId: c0.externalId });
    });
  },
});
