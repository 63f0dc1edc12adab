import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { assertData } from '../../src/vendors/trustly/assert-data.ts';
import { customerBodies, exampleBody } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf } from '../../src/vendors/trustly/client.ts';
import { customerOf } from '../../src/vendors/trustly/expect-reply.ts';
import { createdData, type CustomerData } from '../../src/vendors/trustly/model.ts';
import { unsetSpellings } from '../../src/vendors/trustly/unset-spelling.ts';

export const getChecks = defineChecks('get', {
  'trustly.customers.get.round-trip': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'round-trip');
    // Every customer this check created, by id. Two creates per run take the check past a few
    // dozen records, where a store whose ids wrap around starts handing out ids again and
    // overwriting older customers; the first customer is re-read on every run to see that.
    const seen = new Map<string, string>();
    let first: { customerId: string; expected: CustomerData } | undefined;
    // Open in the docs, and what a stand-in must copy: whether a property with no value is left out or null.
    const unset = new Set<string>();
    await ctx.property(customerBodies(ctx, { style: 'rich' }), async (generated) => {
      // The seed's example customer rides along, so that shrinking has one body to work on.
      for (const body of [{ ...generated, externalId: ns.next() }, exampleBody(ns.next())]) {
        const created = customerOf(ctx, await client.createOrUpdate(body), 'POST /api/v1/customers');
        ctx.assert(!seen.has(created.customerId), `a create with the new externalId ${body.externalId} returned customerId ${created.customerId}, which this check's create with ${seen.get(created.customerId)} already got`, {
          received: created.customerId,
          expected: 'a customerId no other customer has',
        });
        seen.set(created.customerId, String(body.externalId));
        const expected = createdData(body);
        const got = customerOf(ctx, await client.get(created.customerId), `GET /api/v1/customers/${created.customerId}`);
        ctx.assertEqual(got.customerId, created.customerId, `GET /api/v1/customers/${created.customerId} returned another customer`);
        for (const spelling of [...unsetSpellings(expected, created), ...unsetSpellings(expected, got)]) unset.add(spelling);
        assertData(ctx, got, expected, `GET /api/v1/customers/${created.customerId} does not return what was stored`);
        first ??= { customerId: created.customerId, expected };
      }
      const again = customerOf(ctx, await client.get(first!.customerId), `GET /api/v1/customers/${first!.customerId} (this check's first customer)`);
      assertData(ctx, again, first!.expected, `this check's first customer ${first!.customerId} no longer reads back as stored`);
    });
    ctx.observe({ unsetFields: [...unset].sort() });
  },
});
