import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { orgNamespace, unicodeText } from '../../src/vendors/trustist/arbitraries.ts';
import { expectStatus } from '../../src/kinds/judge.ts';
import { OperationClient } from '../../src/kinds/operation-client.ts';
import { createCustomer, idsOf } from './create-customer.ts';

// What a list holds without a filter, and with a filter nobody matches. A tenant may be busy:
// each assertion is about the records this check made, or about an orgId only this run uses.

export const listScopeChecks = defineChecks('list-scope', {
  'trustist.customers.list.unfiltered': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const made: string[] = [];
    await ctx.property(
      fc.boolean(),
      async (withOrg) => {
        // The rule is about customers without an orgId too: those carry the run tag in their name instead.
        const body = withOrg ? { orgId: orgNamespace(ctx, 'unfiltered'), firstName: 'Listed' } : { firstName: `${orgNamespace(ctx, 'unfiltered')} no orgId` };
        made.push(a.idOf(await createCustomer(ctx, a, body)));
        // Every page, as the client reads them; only the run's own records are validated, so what
        // else the tenant holds (another client's badly stored record) is not blamed on this rule.
        const list = await a.call(ctx.spec.conform.operations.list);
        expectStatus(ctx, list, [200], 'a list without orgId');
        const shown = new Set(idsOf(list.records));
        const missing = made.filter((id) => !shown.has(id));
        ctx.assertEqual(missing, [], "a list without orgId must hold every customer of the tenant (those without an orgId included), but leaves out some of this check's");
      },
      { runs: ctx.runsAtMost(6), examples: [false, true] },
    );
  },

  'trustist.customers.list.unknown-org': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    // A customer of the tenant exists, so an empty answer is the filter's doing, not an empty tenant's.
    await createCustomer(ctx, a, { orgId: orgNamespace(ctx, 'known'), firstName: 'Known' });
    await ctx.property(
      unicodeText({ maxLength: 12 }),
      async (suffix) => {
        // A fresh run-tagged namespace: no customer, of this run or anyone's, has this orgId.
        const orgId = `${orgNamespace(ctx, 'unknown')}${suffix}`;
        const list = await a.listByTag(orgId);
        expectStatus(ctx, list, [200], `a list by an orgId that no customer has (${JSON.stringify(orgId)})`);
        ctx.assertEqual(idsOf(list.records), [], `a list by an orgId that no customer has (${JSON.stringify(orgId)}) must hold no customers`);
      },
      { runs: ctx.runsAtMost(10), examples: ['', 'Zoë', '😀'] },
    );
  },
});
