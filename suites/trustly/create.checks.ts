import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { assertData } from '../../src/vendors/trustly/assert-data.ts';
import { customerBodies } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf } from '../../src/vendors/trustly/client.ts';
import { customerOf } from '../../src/vendors/trustly/expect-reply.ts';
import { createdData } from '../../src/vendors/trustly/model.ts';

export const createChecks = defineChecks('create', {
  // The client has validated the envelope against the spec; what is left is the echo: every
  // submitted field comes back as sent, any Unicode included (rich text: astral characters,
  // combining marks, names past 64 characters).
  'trustly.customers.create.schema': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'create');
    await ctx.property(customerBodies(ctx, { style: 'rich' }), async (generated) => {
      const body = { ...generated, externalId: ns.next() };
      const customer = customerOf(ctx, await client.createOrUpdate(body), 'POST /api/v1/customers');
      const submitted = createdData(body);
      assertData(ctx, customer, submitted, 'the create response does not echo the submitted customer', Object.keys(submitted));
    });
  },
});
