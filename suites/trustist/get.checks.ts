import type { CheckContext } from '../../src/runner/check-context.ts';
import { defineChecks } from '../../src/runner/check.ts';
import { createBody, inNamespace, orgNamespace } from '../../src/vendors/trustist/arbitraries.ts';
import { TrustistClient } from '../../src/vendors/trustist/client.ts';
import { key } from '../../src/vendors/trustist/credentials.ts';
import { createCustomer, expectFields, expectOk } from '../../src/vendors/trustist/expect.ts';
import { storedOnCreate } from '../../src/vendors/trustist/model.ts';
import { instant, zoneSpelling } from '../../src/vendors/trustist/timestamps.ts';
import { unsetSpellings } from '../../src/vendors/trustist/unset-spelling.ts';

// Reading one customer back. The round trip is judged against what was submitted (the model),
// not against the create response: a create answer that drops a field is create.schema's
// failure, and must not hide (or fake) a store that mangles one.

/** Text vendors get wrong, at once: astral characters, ZWJ sequences, combining marks, names past 64 characters, a leap day. */
const TRICKY_EXAMPLES: Record<string, unknown>[] = [
  {
    firstName: 'Zoë 😀 e\u0301',
    lastName: `${'𝔘'.repeat(20)}${'l'.repeat(50)}`,
    emailAddress: 'zoë@例え.jp',
    dateOfBirth: '2000-02-29',
    address: { addressLine1: '𠜎 1 High St', addressLine2: 'क्ष 👩‍👩‍👧', city: 'Zürich', postalCode: 'SW1A 1AA', country: 'GB' },
    orgId: '-🇬🇧',
  },
  { firstName: 'a'.repeat(100), lastName: 'n\u0303'.repeat(40) },
];

export const getChecks = defineChecks('get', {
  'trustist.customers.get.round-trip': async (ctx: CheckContext) => {
    const a = new TrustistClient(ctx, key(ctx, 'tenantA'));
    // Open in the docs, and what a stand-in must copy: how an unset field and a time are written.
    const unset = new Set<string>();
    const zones = { createCustomer: new Set<string>(), getCustomer: new Set<string>() };
    await ctx.property(
      createBody(ctx.spec),
      async (template) => {
        const body = inNamespace(template, orgNamespace(ctx, 'round'));
        const created = await createCustomer(ctx, a, body);
        const got = expectOk(ctx, await a.getCustomer(created.id), 'a customer just created must be retrievable by its id');
        ctx.assertEqual(
          { id: got.id, tenantId: got.tenantId ?? null, created: instant(got.created), lastUpdated: instant(got.lastUpdated) },
          { id: created.id, tenantId: created.tenantId ?? null, created: instant(created.created), lastUpdated: instant(created.lastUpdated) },
          'get must return the id, tenantId and timestamps create gave the record',
        );
        for (const spelling of [...unsetSpellings(storedOnCreate(body), created), ...unsetSpellings(storedOnCreate(body), got)]) unset.add(spelling);
        for (const stamp of [created.created, created.lastUpdated]) zones.createCustomer.add(zoneSpelling(stamp));
        for (const stamp of [got.created, got.lastUpdated]) zones.getCustomer.add(zoneSpelling(stamp));
        expectFields(ctx, got, storedOnCreate(body), 'get must return exactly the submitted values');
      },
      { examples: TRICKY_EXAMPLES },
    );
    ctx.observe({ unsetFields: [...unset].sort(), timeZone: { createCustomer: [...zones.createCustomer].sort(), getCustomer: [...zones.getCustomer].sort() } });
  },
});
