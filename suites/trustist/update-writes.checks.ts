import fc from 'fast-check';
import { setTimeout as sleep } from 'node:timers/promises';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { OperationClient } from '../../src/kinds/operation-client.ts';
import { fullCreateBody, orgNamespace, updatePatch } from '../../src/vendors/trustist/arbitraries.ts';
import { addressReading, fieldsOf, withChange, type CustomerPatch } from '../../src/vendors/trustist/model.ts';
import { storedCustomer } from './create-customer.ts';

// What an update writes: every value it carries (sets-fields), and what the docs leave open (a
// partial address, orgId in an update, an update that carries no field). What an update answers
// and an invalid update body are the generic kinds' (the spec's x-rules).

/**
 * The fields of `record` that do not show a value the patch sent. An address sub-field counts on
 * its own: whether the rest of the address merges or is replaced is open (update.nested-address).
 */
function valuesNotShown(record: unknown, patch: CustomerPatch): string[] {
  const fields = fieldsOf(record);
  const sent = Object.entries(patch).flatMap(([name, v]) => (name === 'address' ? Object.entries(v ?? {}).map(([part, w]) => [`address.${part}`, w] as const) : [[name, v] as const]));
  const shown = (name: string) => (name.startsWith('address.') ? fields.address?.[name.slice(8) as keyof typeof fields.address] : fields[name as keyof typeof fields]);
  return sent.filter(([name, v]) => v !== null && v !== undefined && shown(name) !== v).map(([name]) => name);
}

export const updateWriteChecks = defineChecks('update-writes', {
  'trustist.customers.update.sets-fields': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    await ctx.property(
      fc.tuple(fullCreateBody(ctx.spec), updatePatch(ctx.spec, { nulls: false })),
      async ([template, drawn]) => {
        const before = await storedCustomer(ctx, a, template, 'sets');
        // At least one value must differ from the stored one, or an update ignored as a whole would go unseen.
        const patch = withChange(fieldsOf(before), drawn);
        const answer = a.recordOf(await a.update(a.idOf(before), patch), 'an update of an existing customer');
        const stored = a.recordOf(await a.get(a.idOf(before)), 'tenant A reads its own customer');
        for (const [where, record] of [['the update response', answer], ['a get after the update', stored]] as const) {
          const missing = valuesNotShown(record, patch);
          ctx.assert(missing.length === 0, `every value sent in an update must be stored, but ${where} does not show ${missing.join(', ')}`, { received: fieldsOf(record), expected: { sent: patch } });
        }
      },
      { examples: [[{ firstName: 'Ada', lastName: 'Lovelace', emailAddress: 'ada@example.org', orgId: '' }, { firstName: 'Augusta', emailAddress: 'augusta@example.org' }]] },
    );
  },

  // Starts from a record with a full address and reads the stored state with a get before and after.
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

  'trustist.customers.update.org-id': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const before = await storedCustomer(ctx, a, { firstName: 'Branch', orgId: '' }, 'org');
    // Both orgIds carry the run tag, so whatever the target does leaves the record findable.
    const moved = orgNamespace(ctx, 'org-moved');
    const reply = await a.update(a.idOf(before), { orgId: moved });
    const orgAfter = a.recordOf(await a.get(a.idOf(before)), 'tenant A reads its own customer').orgId ?? null;
    const reading = reply.status >= 400 && reply.status < 500 ? 'refused' : orgAfter === moved ? 'applied' : orgAfter === before.orgId ? 'ignored' : 'other';
    // Open in the docs: recorded, never judged (a refusal that changed the record is recorded as such).
    ctx.observe({ reading, status: reply.status, orgIdChanged: orgAfter !== before.orgId });
  },

  'trustist.customers.update.empty-body': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const before = await storedCustomer(ctx, a, { firstName: 'Untouched', lastName: 'Record', orgId: '' }, 'empty');
    // Past one tick of a whole-second stamp, so a lastUpdated that moves can be seen to move.
    await sleep(1100);
    const reply = await a.update(a.idOf(before), {});
    const after = a.recordOf(await a.get(a.idOf(before)), 'tenant A reads its own customer');
    const fieldsChanged = JSON.stringify(fieldsOf(after)) !== JSON.stringify(fieldsOf(before));
    ctx.observe({ status: reply.status, lastUpdatedMoved: after.lastUpdated !== before.lastUpdated, fieldsChanged });
  },
});
