import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { createBody, inNamespace, orgNamespace } from '../../src/vendors/trustist/arbitraries.ts';
import { expectStatus } from '../../src/kinds/judge.ts';
import { OperationClient, type Data } from '../../src/kinds/operation-client.ts';
import { parseTimestamp } from '../../src/vendors/trustist/timestamps.ts';
import { createCustomer } from './create-customer.ts';

// What a new record carries besides the fields sent: its id, its tenant, its two stamps.

/** How many records the observed rules look at: enough to see a pattern, few enough to stay cheap on a live target. */
const SAMPLE = 5;

/** The character classes an id is made of, e.g. ['digit', 'lower', 'upper']. */
function alphabetOf(id: string): string[] {
  const classes = new Set<string>();
  for (const char of id) {
    if (/[0-9]/.test(char)) classes.add('digit');
    else if (/[a-z]/.test(char)) classes.add('lower');
    else if (/[A-Z]/.test(char)) classes.add('upper');
    else classes.add(JSON.stringify(char));
  }
  return [...classes].sort();
}

/** The form an id has, as far as the docs name forms. */
function idForm(id: string): string {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return 'guid';
  if (/^[A-Za-z0-9_-]{22}$/.test(id)) return 'shortguid-22';
  if (/^[A-Za-z0-9]{12}$/.test(id)) return 'base62-12 (as the example)';
  return 'other';
}

export const recordChecks = defineChecks('records', {
  'trustist.customers.create.equal-stamps': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const equal = new Set<string>();
    for (let i = 0; i < SAMPLE; i++) {
      const created = await createCustomer(ctx, a, { orgId: orgNamespace(ctx, 'stamps'), firstName: 'Stamped' });
      const [c, u] = [parseTimestamp(created.created), parseTimestamp(created.lastUpdated)];
      // Equal as text, equal as instants (different spellings of one time), or different.
      equal.add(created.created === created.lastUpdated ? 'same text' : c && u && c.ms === u.ms ? 'same instant, different text' : 'different');
    }
    ctx.observe({ createdEqualsLastUpdated: [...equal].sort() });
  },

  'trustist.customers.id.format': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const ids: string[] = [];
    for (let i = 0; i < SAMPLE; i++) ids.push(a.idOf(await createCustomer(ctx, a, { orgId: orgNamespace(ctx, 'id') })));
    ctx.observe({
      length: [...new Set(ids.map((id) => id.length))].sort((x, y) => x - y),
      alphabet: [...new Set(ids.flatMap(alphabetOf))].sort(),
      form: [...new Set(ids.map(idForm))].sort(),
    });
  },

  'trustist.customers.tenant-id': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const b = new OperationClient(ctx, 'tenantB');
    void b.credentials; // skips the rule, naming the variables, before anything is written
    const seen: Record<'A' | 'B', Set<string>> = { A: new Set(), B: new Set() };
    const carried = (record: Data, where: string) => {
      ctx.assert(typeof record.tenantId === 'string' && record.tenantId !== '', `the ${where} must carry the tenant's id as tenantId`, { received: record.tenantId, expected: 'a non-empty string' });
      return record.tenantId;
    };
    await ctx.property(
      fc.tuple(fc.constantFrom<'A' | 'B'>('A', 'B'), createBody(ctx.spec)),
      async ([tenant, template]) => {
        const client = tenant === 'A' ? a : b;
        const created = await createCustomer(ctx, client, inNamespace(template, orgNamespace(ctx, 'tenant')));
        seen[tenant].add(carried(created, `create response (tenant ${tenant})`));
        seen[tenant].add(carried(client.recordOf(await client.get(client.idOf(created)), `tenant ${tenant} reads its own customer`), `get response (tenant ${tenant})`));
        ctx.assert(seen[tenant].size === 1, `every customer of tenant ${tenant} must carry the same tenantId`, { received: [...seen[tenant]], expected: 'one tenantId' });
      },
      { runs: ctx.runsAtMost(10), examples: [['A', {}], ['B', {}]] },
    );
    // A tenant whose every drawn body was refused (a create rule's failure, judged there) still
    // needs one customer to compare: the seed's full example, which every reading accepts.
    for (const tenant of ['A', 'B'] as const) {
      if (seen[tenant].size > 0) continue;
      const client = tenant === 'A' ? a : b;
      const body = { firstName: 'Sarah', lastName: 'Johnson', emailAddress: 'sarah.johnson@example.com', orgId: orgNamespace(ctx, 'tenant') };
      const reply = await client.create(body);
      expectStatus(ctx, reply, [200, 201], `tenant ${tenant} creates the seed's example`);
      seen[tenant].add(carried(client.recordOf(reply, 'createCustomer'), `create response (tenant ${tenant})`));
    }
    const [ofA] = [...seen.A];
    const [ofB] = [...seen.B];
    ctx.assert(ofA !== undefined && ofB !== undefined && ofA !== ofB, "two tenants' customers must carry different tenantIds", { received: { A: ofA, B: ofB }, expected: 'two different tenantIds' });
  },
});
