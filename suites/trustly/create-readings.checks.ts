import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { exampleBody } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf, type Customer } from '../../src/vendors/trustly/client.ts';
import { customerOf } from '../../src/vendors/trustly/expect-reply.ts';

// What a target reshapes on its own, where the seed page leaves it open (enrollDate's default is
// in readings.checks.ts). Recorded from both the create's response and a following get, which may differ.

/** An obviously synthetic US tax id (no SSN starts with 000). */
const TAX_ID = '000456789';

function taxIdReading(customer: Customer): string {
  const value = customer.taxId;
  if (value === undefined || value === null) return 'not returned';
  if (value === TAX_ID) return 'in full';
  if (typeof value === 'string' && value.endsWith(TAX_ID.slice(-4))) return `masked (${value.replace(/[0-9](?=[0-9]{4})/g, '0')})`;
  return 'another value';
}

export const createReadingsChecks = defineChecks('create-readings', {
  'trustly.customers.tax-id.masking': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'tax-id');
    const created = customerOf(ctx, await client.createOrUpdate({ ...exampleBody(ns.next()), taxId: TAX_ID }), 'a create with a taxId');
    const stored = customerOf(ctx, await client.get(created.customerId), `GET /api/v1/customers/${created.customerId}`);
    ctx.observe({ created: taxIdReading(created), stored: taxIdReading(stored) });
  },
});
