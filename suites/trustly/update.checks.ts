import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { assertData } from '../../src/vendors/trustly/assert-data.ts';
import { customerBodies } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf } from '../../src/vendors/trustly/client.ts';
import { customerOf } from '../../src/vendors/trustly/expect-reply.ts';
import { createdData, type Body } from '../../src/vendors/trustly/model.ts';

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
});
