import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { assertData } from '../../src/vendors/trustly/assert-data.ts';
import { customerBodies, exampleBody, unknownCustomerIds } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf } from '../../src/vendors/trustly/client.ts';
import { expectStatus } from '../../src/kinds/judge.ts';
import { customerOf, customersOf } from '../../src/vendors/trustly/expect-reply.ts';
import { createdData } from '../../src/vendors/trustly/model.ts';

export const upsertKeysChecks = defineChecks('upsert-keys', {
  // The query parameter alone names the customer: the body carries no externalId (nor customerId),
  // so only the query can lead the target to it.
  'trustly.customers.upsert.external-id-query': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'upsert-query');
    await ctx.property(fc.tuple(customerBodies(ctx, { style: 'plain' }), customerBodies(ctx, { style: 'plain' })), async ([first, second]) => {
      const externalId = ns.next();
      const created = customerOf(ctx, await client.createOrUpdate({ ...first, externalId }), 'creating the customer to upsert');
      const what = `POST /api/v1/customers?externalId=${externalId} with no externalId in the body`;
      const customer = customerOf(ctx, await client.createOrUpdate(second, { externalIdQuery: externalId }), what);
      ctx.assertEqual(customer.customerId, created.customerId, `${what} answered with another customerId: it added a customer instead of updating customer ${created.customerId}`);
      const passed = Object.keys(createdData(second));
      assertData(ctx, customer, createdData(second), `${what} did not store the new values`, passed);
      const listed = customersOf(ctx, await client.list({ externalId }), `GET /api/v1/customers?externalId=${externalId}`);
      ctx.assertEqual(listed.map((c) => c.customerId), [created.customerId], `after ${what}, the merchant holds other than exactly customer ${created.customerId} with that externalId`);
      assertData(ctx, listed[0]!, createdData(second), `customer ${created.customerId} does not hold the values of the ${what}`, passed);
    });
  },


  // Only a suffix after the tag differs in case, so every record keeps the run's tag as it is.
});
