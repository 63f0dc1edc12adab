import fc from 'fast-check';
import { expectStored } from '../../src/kinds/judge.ts';
import { listedRecords } from '../../src/kinds/listed.ts';
import { OperationClient, type Data } from '../../src/kinds/operation-client.ts';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { customerBodies } from '../../src/vendors/trustly/arbitraries.ts';

// An upsert's body may omit properties the customer has; whether those are kept is the open
// point of update.partial, so these rules judge only the passed values: they hold under both
// readings.

const twoBodies = (ctx: CheckContext) => fc.tuple(customerBodies(ctx, { style: 'plain' }), customerBodies(ctx, { style: 'plain' }));
const upsert = (a: OperationClient, body: Data, externalIdQuery?: string) => a.call('createOrUpdateCustomer', { json: body, ...(externalIdQuery === undefined ? {} : { query: { externalId: externalIdQuery } }) });

/** The merchant holds exactly customer `id` with `externalId`, and it holds `body`'s values. */
async function expectOnlyHolder(ctx: CheckContext, a: OperationClient, externalId: string, id: string, body: Data, what: string): Promise<void> {
  const listed = listedRecords(ctx, await a.listByTag(externalId), `GET /api/v1/customers?externalId=${externalId}`);
  ctx.assertEqual(listed.map((c) => c.customerId), [id], `${what}: the merchant holds other than exactly customer ${id} with externalId ${externalId}`);
  expectStored(ctx, listed[0]!, body, `${what}: customer ${id} as listed`);
}

export const upsertChecks = defineChecks('upsert', {
  'trustly.customers.upsert.external-id': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'merchantA');
    const ns = new TagNamespace(ctx.tag, 'upsert-external-id');
    // A random sequence of writes over two externalIds, the key sometimes (also) in the query
    // with the same value, as the spec's ambiguity note allows. The first key always exists
    // when the second write comes, so every run exercises an upsert.
    const write = fc.record({ key: fc.constantFrom(0, 1), viaQuery: fc.boolean(), body: customerBodies(ctx, { style: 'plain' }) });
    await ctx.property(fc.array(write, { minLength: 2, maxLength: 4 }), async (writes) => {
      const keys = [ns.next(), ns.next()];
      const held = new Map<string, { id: string; body: Data }>();
      for (const [i, w] of writes.entries()) {
        const externalId = keys[i < 2 ? 0 : w.key]!;
        const body = { ...w.body, externalId };
        const what = `POST /api/v1/customers${w.viaQuery ? '?externalId=…' : ''} with the externalId ${externalId}`;
        const customer = a.recordOf(await upsert(a, body, w.viaQuery ? externalId : undefined), what);
        const existing = held.get(externalId)?.id;
        if (existing) {
          ctx.assertEqual(customer.customerId, existing, `${what}, which customer ${existing} has, answered with another customerId: it added a customer instead of updating`);
          expectStored(ctx, customer, body, `${what} did not store the new values`);
        }
        held.set(externalId, { id: a.idOf(customer), body });
      }
      for (const [externalId, { id, body }] of held) await expectOnlyHolder(ctx, a, externalId, id, body, "after the last upsert's values");
    });
  },

  'trustly.customers.upsert.customer-id': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'merchantA');
    const ns = new TagNamespace(ctx.tag, 'upsert-customer-id');
    await ctx.property(twoBodies(ctx), async ([first, second]) => {
      const id = a.idOf(a.recordOf(await a.create({ ...first, externalId: ns.next() }), 'creating the customer to upsert'));
      // A fresh externalId, so that only the customerId can lead the target to the customer.
      const body = { ...second, customerId: id, externalId: ns.next() };
      const what = `POST /api/v1/customers with the existing customerId ${id}`;
      const customer = a.recordOf(await a.create(body), what);
      ctx.assertEqual(customer.customerId, id, `${what} answered with another customerId: it added a customer instead of updating`);
      expectStored(ctx, customer, body, `${what} did not store the new values`);
      expectStored(ctx, a.recordOf(await a.get(id), `GET /api/v1/customers/${id} after the upsert`), body, `customer ${id} does not hold the upsert's values`);
    });
  },

  // The query parameter alone names the customer: the body carries no externalId (nor customerId),
  // so only the query can lead the target to it.
  'trustly.customers.upsert.external-id-query': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'merchantA');
    const ns = new TagNamespace(ctx.tag, 'upsert-query');
    await ctx.property(twoBodies(ctx), async ([first, second]) => {
      const externalId = ns.next();
      const id = a.idOf(a.recordOf(await a.create({ ...first, externalId }), 'creating the customer to upsert'));
      const what = `POST /api/v1/customers?externalId=${externalId} with no externalId in the body`;
      const customer = a.recordOf(await upsert(a, second, externalId), what);
      ctx.assertEqual(customer.customerId, id, `${what} answered with another customerId: it added a customer instead of updating customer ${id}`);
      expectStored(ctx, customer, second, `${what} did not store the new values`);
      await expectOnlyHolder(ctx, a, externalId, id, second, `after ${what}`);
    });
  },
});
