import fc from 'fast-check';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { defineChecks } from '../../src/runner/check.ts';
import { createBody, fullCreateBody, inNamespace, orgNamespace, updatePatch } from '../../src/vendors/trustist/arbitraries.ts';
import { TrustistClient } from '../../src/vendors/trustist/client.ts';
import { key } from '../../src/vendors/trustist/credentials.ts';
import { createCustomer, expectOk, expectStatus, expectUnchanged } from '../../src/vendors/trustist/expect.ts';
import { fieldsOf, withChange } from '../../src/vendors/trustist/model.ts';

// Tenant isolation: tenant B's key must find nothing of tenant A's, as if it did not exist (404,
// not 403: a 403 would confirm the id exists). What A's record looks like afterwards is read
// with A's own key.

export const tenancyChecks = defineChecks('tenancy', {
  'trustist.tenancy.get-isolated': async (ctx: CheckContext) => {
    const a = new TrustistClient(ctx, key(ctx, 'tenantA'));
    const b = new TrustistClient(ctx, key(ctx, 'tenantB'));
    await ctx.property(
      createBody(ctx.spec),
      async (template) => {
        const record = await createCustomer(ctx, a, inNamespace(template, orgNamespace(ctx, 'iso-get')));
        expectStatus(ctx, await b.getCustomer(record.id), [404], "another tenant's key must get 404 for the customer");
      },
      { runs: ctx.runsAtMost(10) },
    );
  },

  'trustist.tenancy.update-isolated': async (ctx: CheckContext) => {
    const a = new TrustistClient(ctx, key(ctx, 'tenantA'));
    const b = new TrustistClient(ctx, key(ctx, 'tenantB'));
    await ctx.property(
      fc.tuple(fullCreateBody(ctx.spec), updatePatch(ctx.spec, { nulls: false })),
      async ([template, patch]) => {
        const created = await createCustomer(ctx, a, inNamespace(template, orgNamespace(ctx, 'iso-update')));
        const before = expectOk(ctx, await a.getCustomer(created.id), 'tenant A reads its own customer');
        expectStatus(ctx, await b.updateCustomer(before.id, withChange(fieldsOf(before), patch)), [404], "another tenant's update must get 404");
        const after = expectOk(ctx, await a.getCustomer(before.id), 'tenant A reads its own customer');
        expectUnchanged(ctx, after, before, "another tenant's update must change nothing (as tenant A sees the record)");
      },
      { runs: ctx.runsAtMost(10) },
    );
  },

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
