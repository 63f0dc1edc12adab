import type fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { impossibleDate, invalidCountry, orgNamespace } from '../../src/vendors/trustist/arbitraries.ts';
import { TrustistClient } from '../../src/vendors/trustist/client.ts';
import { key } from '../../src/vendors/trustist/credentials.ts';
import { createCustomer, expectStatus } from '../../src/vendors/trustist/expect.ts';

// Documented formats the schema's JSON types do not capture (SHOULD rules: the docs state the
// format, not that the vendor enforces it). Each invalid value is sent on create and on update,
// where the same field is documented with the same format.

async function rejectedOnCreateAndUpdate(
  ctx: CheckContext,
  options: { label: string; valid: Record<string, unknown>; invalid: fc.Arbitrary<string>; examples: string[]; body: (value: string) => Record<string, unknown>; what: string },
): Promise<void> {
  const a = new TrustistClient(ctx, key(ctx, 'tenantA'));
  const record = await createCustomer(ctx, a, { ...options.valid, orgId: orgNamespace(ctx, options.label) });
  await ctx.property(
    options.invalid,
    async (value) => {
      const created = await a.createCustomer({ ...options.body(value), orgId: orgNamespace(ctx, options.label) });
      expectStatus(ctx, created, [400], `create with ${options.what} ${JSON.stringify(value)} must get 400`);
      const updated = await a.updateCustomer(record.id, options.body(value));
      expectStatus(ctx, updated, [400], `update with ${options.what} ${JSON.stringify(value)} must get 400`);
    },
    { examples: options.examples },
  );
}

export const validationChecks = defineChecks('validation', {
  'trustist.customers.validation.date-of-birth': (ctx: CheckContext) =>
    rejectedOnCreateAndUpdate(ctx, {
      label: 'dob',
      valid: { dateOfBirth: '1985-03-15' },
      invalid: impossibleDate(),
      examples: ['2023-02-30', '2021-02-29', '2023-04-31', '1900-02-29'],
      body: (dateOfBirth) => ({ dateOfBirth }),
      what: 'a dateOfBirth that is not a real YYYY-MM-DD date',
    }),

  'trustist.customers.validation.country': (ctx: CheckContext) =>
    rejectedOnCreateAndUpdate(ctx, {
      label: 'country',
      valid: { address: { city: 'London', country: 'GB' } },
      invalid: invalidCountry(ctx.spec),
      examples: ['XX', 'gb', 'GBR', 'UK'],
      body: (country) => ({ address: { city: 'London', country } }),
      what: 'an address country that is not an ISO 3166-1 alpha-2 code',
    }),
});
