import fc from 'fast-check';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { defineChecks } from '../../src/runner/check.ts';
import { createBody, inNamespace, orgNamespace } from '../../src/vendors/trustist/arbitraries.ts';
import { TrustistClient } from '../../src/vendors/trustist/client.ts';
import { key } from '../../src/vendors/trustist/credentials.ts';
import { createCustomer, expectStatus } from '../../src/vendors/trustist/expect.ts';

// Tenant isolation in lists: tenant B's key must never see tenant A's customers. Get and update
// by id are the generic scope-isolation kind's (the spec's x-rules).

export const tenancyChecks = defineChecks('tenancy', {
  'trustist.tenancy.list-isolated': async (ctx: CheckContext) => {
    const a = new TrustistClient(ctx, key(ctx, 'tenantA'));
    const b = new TrustistClient(ctx, key(ctx, 'tenantB'));
    const ofA = new Set<string>();
    // Ids B was given: on a target that reuses ids, B's own new customer may carry an id A had, and is not a leak.
    const ofB = new Set<string>();
    await ctx.property(
      fc.tuple(createBody(ctx.spec), fc.boolean()),
      async ([template, bHasOne]) => {
        // Both tenants use the same orgId: a filter that forgets the tenant shows A's record to B.
        // Each property run judges only the records it made, so its counterexample fails on its own.
        const ns = orgNamespace(ctx, 'iso-list');
        const mineA = (await createCustomer(ctx, a, inNamespace(template, ns))).id;
        ofA.add(mineA);
        let mineB: string | undefined;
        if (bHasOne) {
          const own = await b.createCustomer(inNamespace(template, ns));
          if (typeof own.body?.id === 'string') ofB.add((mineB = own.body.id));
        }
        const list = await b.listCustomers(String(inNamespace(template, ns).orgId));
        expectStatus(ctx, list, [200], 'a list by orgId must succeed');
        const leaked = list.customers.filter((c) => c.id === mineA && c.id !== mineB).map((c) => c.id);
        ctx.assertEqual(leaked, [], "a list by orgId must never show another tenant's customer");
      },
      { runs: ctx.runsAtMost(10) },
    );
    // The unfiltered list holds whatever tenant B has, others' records included: only A's records
    // this rule made are looked for, and only the run's own records are validated (client.ts).
    const all = await b.listCustomers();
    expectStatus(ctx, all, [200], 'an unfiltered list must succeed');
    ctx.assertEqual(all.customers.filter((c) => ofA.has(c.id) && !ofB.has(c.id)).map((c) => c.id), [], "the unfiltered list must never show another tenant's customer");
  },
});
