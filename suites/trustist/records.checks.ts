import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { orgNamespace } from '../../src/vendors/trustist/arbitraries.ts';
import { OperationClient } from '../../src/kinds/operation-client.ts';
import { parseTimestamp } from '../../src/vendors/trustist/timestamps.ts';
import { createCustomer } from './create-customer.ts';

// What a new record carries besides the fields sent: its id and its two stamps (its tenantId is
// the scope-field kind's, the spec's x-rules).

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
});
