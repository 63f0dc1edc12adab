import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { OperationClient } from '../../src/kinds/operation-client.ts';
import { addressReading, fieldsOf } from '../../src/vendors/trustist/model.ts';
import { storedCustomer } from './create-customer.ts';

// How an update applies a partial address, which the docs leave open (what an update answers is
// the update-answer kind's, the spec's x-rules). The rule starts from a record with a full address
// and reads the stored state with a get before and after.

export const updateChecks = defineChecks('update', {
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
