import fc from 'fast-check';
import { expectStatus } from '../../src/kinds/judge.ts';
import { OperationClient } from '../../src/kinds/operation-client.ts';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { orgNamespace } from '../../src/vendors/trustist/arbitraries.ts';
import { guidOfShortGuid } from '../../src/vendors/trustist/short-guid.ts';
import { createCustomer } from './create-customer.ts';
import { expectSession, onboardSession, OPTION_SETS, type OptionSet } from './onboard-session.ts';

// Onboard sessions beyond the person-data rules (kyc.checks.ts): how often, and with which
// returnUrl (who may start one, and for which customer, is the generic kinds', the spec's
// x-rules). Every customer here has the person data, so a refusal for missing_person_data cannot
// stand in for the refusal a rule is about.

const PERSON = { firstName: 'Synthetic', lastName: 'Person', emailAddress: 'synthetic.person@example.org' };

/** The id of a new customer of tenant A with the person data every kind of session needs. */
const personCustomer = async (ctx: CheckContext, a: OperationClient, label: string) => a.idOf(await createCustomer(ctx, a, { ...PERSON, orgId: orgNamespace(ctx, label) }));

/** returnUrl values that are not absolute https URLs: another scheme, no scheme, relative, malformed. */
function notAbsoluteHttps(): fc.Arbitrary<string> {
  // Built by hand: fc.domain() takes seconds of CPU to construct, long enough for an idle keep-alive
  // connection to be closed under the next request.
  const text = (chars: string, minLength: number) => fc.string({ unit: fc.constantFrom(...chars), minLength, maxLength: 12 });
  const host = fc.tuple(text('abcdefghijklmnopqrstuvwxyz0123456789', 1), fc.constantFrom('org', 'com', 'example', 'co.uk')).map(([l, tld]) => `${l}.${tld}`);
  const path = text('abcdefghijklmnopqrstuvwxyz0123456789-_', 0).map((s) => `/${s}`);
  return fc.oneof(
    fc.tuple(fc.constantFrom('http://', 'ftp://', 'ws://', 'file://', 'mailto://', '', '//'), host, path).map((parts) => parts.join('')),
    path,
    fc.constantFrom('', 'done', 'https:/example.org/done', 'https//example.org/done', 'javascript:alert(1)', 'https ://example.org'),
  );
}

export const onboardChecks = defineChecks('onboard', {
  'trustist.kyc.multiple-sessions': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    await ctx.property(
      fc.tuple(fc.constantFrom(...OPTION_SETS), fc.constantFrom(...OPTION_SETS), fc.integer({ min: 2, max: 3 })),
      async ([first, later, count]) => {
        const id = await personCustomer(ctx, a, 'sessions');
        expectSession(ctx, await onboardSession(ctx, a, id, first.options), `the first onboard session (${first.name}) must succeed`);
        // The same request again, then others: a customer "can be associated with multiple onboard sessions".
        for (let n = 2; n <= count; n++) {
          const { name, options } = n === 2 ? first : later;
          expectSession(ctx, await onboardSession(ctx, a, id, options), `onboard session ${n} (${name}) for the same customer must succeed too`);
        }
      },
      { runs: ctx.runsAtMost(6), examples: [[OPTION_SETS[0], OPTION_SETS[1], 2] as [OptionSet, OptionSet, number]] },
    );
  },

  'trustist.kyc.return-url': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const id = await personCustomer(ctx, a, 'return');
    // The same request with an absolute https returnUrl must go through; otherwise a 400 below could be for something else.
    const control = await onboardSession(ctx, a, id, OPTION_SETS[1].options, { returnUrl: 'https://example.org/onboarding/done' });
    if (control.status >= 400 && control.status < 500) ctx.skip(`the target refused (${control.status}) an onboard session with an absolute https returnUrl, so a refusal of another returnUrl proves nothing`);
    expectSession(ctx, control, 'an onboard session with an absolute https returnUrl must succeed');
    await ctx.property(
      fc.tuple(notAbsoluteHttps(), fc.constantFrom(...OPTION_SETS)),
      async ([returnUrl, { name, options }]) => {
        const reply = await onboardSession(ctx, a, id, options, { returnUrl });
        expectStatus(ctx, reply, [400], `a returnUrl that is not an absolute https URL (${JSON.stringify(returnUrl)}, ${name})`);
      },
      { runs: ctx.runsAtMost(20), examples: [['http://example.org/onboarding/done', OPTION_SETS[1]], ['/onboarding/done', OPTION_SETS[2]]] as [string, OptionSet][] },
    );
  },

  'trustist.kyc.guid-customer-id': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const id = await personCustomer(ctx, a, 'guid');
    const guid = guidOfShortGuid(id);
    // Only a 22-character ShortGuid has a GUID form to send; any other id is recorded as it is.
    if (guid === undefined) return ctx.observe({ guidForm: 'none: the id is not a 22-character ShortGuid', idLength: id.length });
    const reply = await onboardSession(ctx, a, guid, OPTION_SETS[1].options);
    ctx.observe({ guidForm: reply.status === 200 || reply.status === 201 ? 'accepted' : 'refused', status: reply.status });
  },
});
