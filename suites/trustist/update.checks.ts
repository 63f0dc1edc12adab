import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { OperationClient } from '../../src/kinds/operation-client.ts';
import { fullCreateBody, updatePatch } from '../../src/vendors/trustist/arbitraries.ts';
import { addressReading, fieldsOf, TEXT_FIELDS, withChange } from '../../src/vendors/trustist/model.ts';
import { instant } from '../../src/vendors/trustist/timestamps.ts';
import { storedCustomer } from './create-customer.ts';

// What an update does to the fields. Every rule starts from a record with every field set
// (so a field that is wrongly cleared shows) and reads the stored state with a get before and
// after, so that each rule judges only its own part of the update semantics.

const TOP_LEVEL = [...TEXT_FIELDS, 'address'] as const;
type TopLevel = (typeof TOP_LEVEL)[number];

const value = (record: unknown, field: TopLevel) => fieldsOf(record)[field];

/** Whether the update answer carries a field (the spec allows it to leave out some, see update's x-ambiguity). */
const carriesField = (record: unknown, field: string) => typeof record === 'object' && record !== null && field in record;

export const updateChecks = defineChecks('update', {
  'trustist.customers.update.response': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    await ctx.property(fc.tuple(fullCreateBody(ctx.spec), updatePatch(ctx.spec, { nulls: false })), async ([template, drawn]) => {
      const before = await storedCustomer(ctx, a, template, 'response');
      const id = a.idOf(before);
      const answer = a.recordOf(await a.update(id, withChange(fieldsOf(before), drawn)), 'an update of an existing customer');
      const stored = a.recordOf(await a.get(id), 'tenant A reads its own customer');
      ctx.assertEqual(
        { id: answer.id, created: instant(answer.created), lastUpdated: instant(answer.lastUpdated) },
        { id: stored.id, created: instant(stored.created), lastUpdated: instant(stored.lastUpdated) },
        'the update response must show the record as stored after the update (id and timestamps)',
      );
      // The spec lets the answer leave out fields (its example lacks tenantId and orgId): only those it carries are compared.
      for (const field of [...TOP_LEVEL, 'tenantId'] as const) {
        if (!carriesField(answer, field)) continue;
        const got = field === 'tenantId' ? (answer.tenantId ?? null) : value(answer, field);
        const want = field === 'tenantId' ? (stored.tenantId ?? null) : value(stored, field);
        ctx.assertEqual(got, want, `the update response's ${field} must be the value stored after the update (as a get then shows it)`);
      }
    });
  },

  'trustist.customers.update.nested-address': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const address = { addressLine1: '123 High Street', addressLine2: 'Flat 4B', city: 'London', postalCode: 'SW1A 1AA', country: 'GB' };
    const before = await storedCustomer(ctx, a, { firstName: 'Sarah', address, orgId: '' }, 'address');
    const patch = { address: { city: 'Manchester' } };
    a.recordOf(await a.update(a.idOf(before), patch), 'an update of an existing customer');
    const after = a.recordOf(await a.get(a.idOf(before)), 'tenant A reads its own customer');
    // Open in the docs: recorded, never judged.
    ctx.observe({ reading: addressReading(fieldsOf(before), patch, fieldsOf(after)), sent: patch, addressAfter: fieldsOf(after).address ?? null });
  },
});
