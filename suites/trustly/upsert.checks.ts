import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { assertData } from '../../src/vendors/trustly/assert-data.ts';
import { customerBodies } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf } from '../../src/vendors/trustly/client.ts';
import { customerOf, customersOf } from '../../src/vendors/trustly/expect-reply.ts';
import { createdData, type Body } from '../../src/vendors/trustly/model.ts';

// An upsert's body may omit properties the customer has; whether those are kept is the open
// point of update.partial, so these rules judge only the passed values: they hold under both
// readings.
const passed = (body: Body) => Object.keys(createdData(body));

export const upsertChecks = defineChecks('upsert', {
  'trustly.customers.upsert.external-id': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'upsert-external-id');
    // A random sequence of writes over two externalIds, the key sometimes (also) in the query
    // with the same value, as the spec's ambiguity note allows. The first key always exists
    // when the second write comes, so every run exercises an upsert.
    const write = fc.record({ key: fc.constantFrom(0, 1), viaQuery: fc.boolean(), body: customerBodies(ctx, { style: 'plain' }) });
    await ctx.property(fc.array(write, { minLength: 2, maxLength: 4 }), async (writes) => {
      const keys = [ns.next(), ns.next()];
      const ids = new Map<string, string>();
      const last = new Map<string, Body>();
      for (const [i, w] of writes.entries()) {
        const externalId = keys[i < 2 ? 0 : w.key]!;
        const body = { ...w.body, externalId };
        const reply = await client.createOrUpdate(body, w.viaQuery ? { externalIdQuery: externalId } : {});
        const what = `POST /api/v1/customers${w.viaQuery ? '?externalId=…' : ''} with the externalId ${externalId}`;
        const customer = customerOf(ctx, reply, what);
        const existing = ids.get(externalId);
        if (existing) {
          ctx.assertEqual(customer.customerId, existing, `${what}, which customer ${existing} has, answered with another customerId: it added a customer instead of updating`);
          assertData(ctx, customer, createdData(body), `${what} did not store the new values`, passed(body));
        }
        ids.set(externalId, customer.customerId);
        last.set(externalId, body);
      }
      for (const [externalId, customerId] of ids) {
        const listed = customersOf(ctx, await client.list({ externalId }), `GET /api/v1/customers?externalId=${externalId}`);
        ctx.assertEqual(listed.map((c) => c.customerId), [customerId], `the merchant holds other than exactly one customer with externalId ${externalId}`);
        const body = last.get(externalId)!;
        assertData(ctx, listed[0]!, createdData(body), `customer ${customerId} does not hold the last upsert's values`, passed(body));
      }
    });
  },

  'trustly.customers.upsert.customer-id': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'upsert-customer-id');
    await ctx.property(fc.tuple(customerBodies(ctx, { style: 'plain' }), customerBodies(ctx, { style: 'plain' })), async ([first, second]) => {
      const created = customerOf(ctx, await client.createOrUpdate({ ...first, externalId: ns.next() }), 'creating the customer to upsert');
      // A fresh externalId, so that only the customerId can lead the target to the customer.
      const body = { ...second, customerId: created.customerId, externalId: ns.next() };
      const what = `POST /api/v1/customers with the existing customerId ${created.customerId}`;
      const customer = customerOf(ctx, await client.createOrUpdate(body), what);
      ctx.assertEqual(customer.customerId, created.customerId, `${what} answered with another customerId: it added a customer instead of updating`);
      assertData(ctx, customer, createdData(body), `${what} did not store the new values`, passed(body));
      const stored = customerOf(ctx, await client.get(created.customerId), `GET /api/v1/customers/${created.customerId} after the upsert`);
      assertData(ctx, stored, createdData(body), `customer ${created.customerId} does not hold the upsert's values`, passed(body));
    });
  },
});
