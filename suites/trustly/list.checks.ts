import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { customerBodies, externalIdSuffix, unknownCustomerIds } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf, type Customer, type TrustlyClient } from '../../src/vendors/trustly/client.ts';
import { customerOf, customersOf } from '../../src/vendors/trustly/expect-reply.ts';
import type { Body } from '../../src/vendors/trustly/model.ts';

// The list rules always send exactly one filter (the spec's ambiguity note: both readings of an
// unfiltered or doubly filtered list agree on that), never an unfiltered list.

type Filter = { externalId: string } | { customerId: string };
const show = (filter: Filter) => `GET /api/v1/customers?${new URLSearchParams(filter)}`;

async function expectListed(ctx: CheckContext, client: TrustlyClient, filter: Filter, expectedIds: string[]): Promise<Customer[]> {
  const listed = customersOf(ctx, await client.list(filter), show(filter));
  ctx.assertEqual(listed.map((c) => c.customerId).sort(), [...expectedIds].sort(), `${show(filter)} did not return exactly the matching customers of the merchant`);
  return listed;
}

/**
 * Lists a filter, updates its customer, and lists the same filter again: the second answer must
 * be the stored record (a following GET), not a copy from before the update.
 */
async function expectFreshAfterUpdate(ctx: CheckContext, client: TrustlyClient, filter: Filter, customer: Customer, update: Body): Promise<void> {
  await expectListed(ctx, client, filter, [customer.customerId]);
  customerOf(ctx, await client.update(customer.customerId, update), `updating customer ${customer.customerId}`);
  const [listed] = await expectListed(ctx, client, filter, [customer.customerId]);
  const stored = customerOf(ctx, await client.get(customer.customerId), `GET /api/v1/customers/${customer.customerId}`);
  ctx.assertEqual(listed, stored, `${show(filter)} after an update of customer ${customer.customerId} does not show the stored record`);
}

const swapCase = (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

export const listChecks = defineChecks('list', {
  'trustly.customers.list.by-external-id': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'list-external-id');
    const bodies = fc.array(customerBodies(ctx, { style: 'plain' }), { minLength: 4, maxLength: 4 });
    await ctx.property(fc.tuple(externalIdSuffix, fc.stringMatching(/^[a-z0-9]{1,3}$/), bodies), async ([suffix, extension, [b0, b1, b2, update]]) => {
      const root = ns.next();
      // Exact match only: one externalId a prefix of another, and one differing in letter case.
      const externalIds = [`${root}${suffix}`, `${root}${suffix}${extension}`, `${root}${swapCase(suffix)}`];
      const created: Customer[] = [];
      for (const [i, body] of [b0!, b1!, b2!].entries()) {
        created.push(customerOf(ctx, await client.createOrUpdate({ ...body, externalId: externalIds[i] }), `creating a customer with externalId ${externalIds[i]}`));
      }
      for (const [i, externalId] of externalIds.entries()) {
        if (i === 0) continue; // listed by expectFreshAfterUpdate below
        const listed = await expectListed(ctx, client, { externalId }, [created[i]!.customerId]);
        ctx.assertEqual(listed[0]!.externalId, externalId, `${show({ externalId })} returned a customer with another externalId`);
      }
      await expectFreshAfterUpdate(ctx, client, { externalId: externalIds[0]! }, created[0]!, { ...update!, externalId: externalIds[0] });
    });
  },

  'trustly.customers.list.by-customer-id': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'list-customer-id');
    const bodies = fc.array(customerBodies(ctx, { style: 'plain' }), { minLength: 3, maxLength: 3 });
    await ctx.property(fc.tuple(bodies, unknownCustomerIds), async ([[b0, b1, update], unknownId]) => {
      const c0 = customerOf(ctx, await client.createOrUpdate({ ...b0!, externalId: ns.next() }), 'creating a customer');
      const c1 = customerOf(ctx, await client.createOrUpdate({ ...b1!, externalId: ns.next() }), 'creating a customer');
      await expectListed(ctx, client, { customerId: c1.customerId }, [c1.customerId]);
      await expectListed(ctx, client, { customerId: unknownId }, []);
      await expectFreshAfterUpdate(ctx, client, { customerId: c0.customerId }, c0, { ...update!, externalId: c0.externalId });
    });
  },
});
