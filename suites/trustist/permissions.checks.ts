import fc from 'fast-check';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { defineChecks } from '../../src/runner/check.ts';
import { createBody, inNamespace, orgNamespace, updatePatch } from '../../src/vendors/trustist/arbitraries.ts';
import { TrustistClient } from '../../src/vendors/trustist/client.ts';
import { key } from '../../src/vendors/trustist/credentials.ts';
import { createCustomer, expectOk, expectStatus, expectUnchanged, idsOf } from '../../src/vendors/trustist/expect.ts';
import { fieldsOf, withChange } from '../../src/vendors/trustist/model.ts';

// Permissions, with tenant A's restricted keys: `readonly` holds read_customers only, `noread`
// every permission but read_customers. Whether a refused write left a trace is judged with
// tenant A's full key, which sees the same tenant's records.

export const permissionsChecks = defineChecks('permissions', {
  'trustist.permissions.create': async (ctx: CheckContext) => {
    const a = new TrustistClient(ctx, key(ctx, 'tenantA'));
    const readonly = new TrustistClient(ctx, key(ctx, 'readonly'));
    await ctx.property(
      createBody(ctx.spec),
      async (template) => {
        const ns = orgNamespace(ctx, 'perm-create');
        const reply = await readonly.createCustomer(inNamespace(template, ns));
        expectStatus(ctx, reply, [403], 'a key without create_customer must get 403 on create');
        const list = await a.listCustomers(ns);
        expectStatus(ctx, list, [200], 'tenant A lists its own customers');
        ctx.assertEqual(idsOf(list.customers), [], `a refused create must create nothing, but the list by orgId ${ns} is not empty`);
      },
      { runs: ctx.runsAtMost(10) },
    );
  },

  'trustist.permissions.read': async (ctx: CheckContext) => {
    const a = new TrustistClient(ctx, key(ctx, 'tenantA'));
    const noread = new TrustistClient(ctx, key(ctx, 'noread'));
    const ns = orgNamespace(ctx, 'perm-read');
    const record = await createCustomer(ctx, a, { orgId: ns, firstName: 'Readable' });
    const reads = [
      { what: 'get', run: () => noread.getCustomer(record.id) },
      { what: 'list by orgId', run: () => noread.listCustomers(ns) },
      { what: 'unfiltered list', run: () => noread.listCustomers() },
    ];
    await ctx.property(
      fc.constantFrom(...reads.keys()),
      async (index) => {
        const read = reads[index]!;
        expectStatus(ctx, await read.run(), [403], `a key without read_customers must get 403 on ${read.what}`);
      },
      { runs: ctx.runsAtMost(10), examples: [...reads.keys()] },
    );
  },

  'trustist.permissions.update': async (ctx: CheckContext) => {
    const a = new TrustistClient(ctx, key(ctx, 'tenantA'));
    const readonly = new TrustistClient(ctx, key(ctx, 'readonly'));
    await ctx.property(
      fc.tuple(createBody(ctx.spec), updatePatch(ctx.spec, { nulls: false })),
      async ([template, drawn]) => {
        const created = await createCustomer(ctx, a, inNamespace(template, orgNamespace(ctx, 'perm-update')));
        // Judged against the stored record (a get), not the create answer, which is create.schema's business.
        const before = expectOk(ctx, await a.getCustomer(created.id), 'tenant A reads its own customer');
        // The patch must change something, or an update applied despite the 403 would go unseen.
        const patch = withChange(fieldsOf(before), drawn);
        const reply = await readonly.updateCustomer(before.id, patch);
        expectStatus(ctx, reply, [403], 'a key without update_customer must get 403 on update');
        const after = await a.getCustomer(before.id);
        expectStatus(ctx, after, [200], 'tenant A reads its own customer');
        expectUnchanged(ctx, after.body, before, 'a refused update must leave the record unchanged (as tenant A sees it)');
      },
      { runs: ctx.runsAtMost(10) },
    );
  },
});
