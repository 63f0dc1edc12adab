import fc from 'fast-check';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { defineChecks } from '../../src/runner/check.ts';
import { createBody, orgNamespace, updatePatch } from '../../src/vendors/trustist/arbitraries.ts';
import { nextPageOf } from '../../src/http/next-page.ts';
import { expectStatus } from '../../src/kinds/judge.ts';
import { bodyNext } from '../../src/kinds/list-pages.ts';
import { OperationClient, type Data } from '../../src/kinds/operation-client.ts';
import { fieldsOf, withChange } from '../../src/vendors/trustist/model.ts';
import { instantOf } from '../../src/kinds/record-model.ts';
import { createCustomer, idsOf } from './create-customer.ts';

// Listing by orgId. The orgIds of one property run are chosen to trip the usual shortcuts: one
// is a prefix of another, one differs only in case. Which records a list must show is decided
// from what the target itself says each record's orgId is (its create and get answers), so a
// fault elsewhere (an update that clears orgId) is not blamed on the filter.

/** How a list's first page names the next one, when it does. */
function nextBy(link: string | undefined, json: unknown): string | undefined {
  if (nextPageOf(link)) return 'Link header';
  const next = bodyNext(json);
  return !next ? undefined : 'link' in next ? 'body next' : 'token' in next ? `body ${next.token.name}` : 'page' in next ? 'page number' : 'unreadable';
}

/** Four orgIds of a namespace: `-b` is a prefix of `-br`, `-br` of `-br-2`, `-BR` differs from `-br` in case only. */
const slots = (ns: string) => [`${ns}-br`, `${ns}-br-2`, `${ns}-BR`, `${ns}-b`];

export const listChecks = defineChecks('list', {
  'trustist.customers.list.org-filter': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const drawn = fc.record({
      records: fc.array(fc.record({ slot: fc.nat({ max: 3 }), body: createBody(ctx.spec) }), { minLength: 1, maxLength: 5 }),
      updateIndex: fc.nat(),
      patch: updatePatch(ctx.spec, { nulls: false }),
    });
    type Drawn = typeof drawn extends fc.Arbitrary<infer T> ? T : never;
    const everySlot: Drawn = { records: [0, 1, 2, 3].map((slot) => ({ slot, body: { firstName: `in slot ${slot}` } })), updateIndex: 0, patch: { firstName: 'Updated' } };
    await ctx.property(
      drawn,
      async ({ records, updateIndex, patch }) => {
        const orgIds = slots(orgNamespace(ctx, 'org'));
        const stored: Data[] = [];
        for (const { slot, body } of records) stored.push(await createCustomer(ctx, a, { ...body, orgId: orgIds[slot] }));
        // Lists must show a record as it is now, not as it was before its last update.
        const index = updateIndex % stored.length;
        const id = a.idOf(stored[index]!);
        a.recordOf(await a.update(id, withChange(fieldsOf(stored[index]), patch)), 'an update of an existing customer');
        const updated = (stored[index] = a.recordOf(await a.get(id), 'tenant A reads its own customer'));
        for (const orgId of orgIds) {
          const list = await a.listByTag(orgId);
          expectStatus(ctx, list, [200], 'a list by orgId');
          ctx.assertEqual(idsOf(list.records), idsOf(stored.filter((c) => c.orgId === orgId)), `the list by orgId ${JSON.stringify(orgId)} must hold exactly the tenant's customers with that orgId`);
          const shown = list.records?.find((c) => a.idOf(c) === id);
          const seen = (c: Data) => ({ fields: fieldsOf(c), lastUpdated: instantOf(c.lastUpdated, 'rfc3339') });
          if (shown) ctx.assertEqual(seen(shown), seen(updated), 'a list must show an updated customer as a get does, not as it was before the update');
        }
      },
      { examples: [everySlot] },
    );
  },

  'trustist.customers.list.shape': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const ns = orgNamespace(ctx, 'shape');
    await createCustomer(ctx, a, { orgId: ns, firstName: 'Listed' });
    await createCustomer(ctx, a, { orgId: ns, firstName: 'Listed too' });
    // Only the check's own records are listed: the unfiltered list holds whatever else the tenant has,
    // and a record someone else stored badly must not be blamed on this rule.
    const list = await a.listByTag(ns);
    expectStatus(ctx, list, [200], 'a list by orgId');
    // Paging shows on a list longer than a page: the first page of the whole tenant's list says
    // whether there is a next one and how it is named; its length is then the page size.
    // (Whether the whole list is served at all is list.unfiltered's to judge, not this rule's.)
    const first = await a.call(ctx.spec.conform.operations.list, { firstPage: true });
    const next = nextBy(first.exchange.response?.headers.link, first.json);
    const paging = first.status !== 200 ? `unknown: the list without orgId answered ${first.status}` : next === undefined ? 'none seen' : { next, pageSize: first.records?.length ?? 0 };
    // Undocumented: recorded so that a later run can tell when it changes.
    ctx.observe({ ...(list.shape ?? { kind: 'unrecognised' }), paging });
  },
});
