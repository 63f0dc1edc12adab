import fc from 'fast-check';
import type { KeyCredentials } from '../../src/auth/signer.ts';
import { sendSigned } from '../../src/checks/send-as-documented.ts';
import { defineChecks } from '../../src/harness/check.ts';
import type { CheckContext } from '../../src/harness/check-context.ts';
import { orgNamespace, unicodeText } from '../../src/vendors/trustist/arbitraries.ts';
import { TrustistClient } from '../../src/vendors/trustist/client.ts';
import { key } from '../../src/vendors/trustist/credentials.ts';
import { createCustomer, expectStatus, idsOf } from '../../src/vendors/trustist/expect.ts';
import { extractCustomers } from '../../src/vendors/trustist/list-shape.ts';

// What a list holds without a filter, and with a filter nobody matches. A tenant may be busy:
// each assertion is about the records this check made, or about an orgId only this run uses.

const MAX_PAGES = 100;

/**
 * The ids in the tenant's unfiltered list, every page. Its items are not validated against the
 * spec: the list holds whatever else the tenant has, and a record another rule (or another
 * client) stored badly must not be blamed on this rule, which is about which ids are there.
 */
async function unfilteredIds(ctx: CheckContext, credentials: KeyCredentials): Promise<Set<string>> {
  const ids = new Set<string>();
  let path = '/v1/customers';
  for (let page = 0; page < MAX_PAGES; page++) {
    const sent = await sendSigned(ctx, credentials, { method: 'GET', path });
    const status = sent.response?.status;
    ctx.assert(status === 200, `GET ${path} answered ${status ?? sent.error}: a list without orgId must succeed`, { received: { status, body: sent.response?.body.slice(0, 500) }, expected: 200 });
    const extracted = extractCustomers(sent.response!.json);
    ctx.assert(extracted !== undefined, 'a list without orgId must hold the customers (a bare array, or an object holding one)', { received: sent.response!.body.slice(0, 500), expected: 'a list of customers' });
    for (const c of extracted.customers) if (typeof c?.id === 'string') ids.add(c.id);
    // Paging is undocumented: a same-origin next link, or a token parameter, as the client follows them.
    const url = new URL(path, ctx.config.baseUrl);
    let next: URL | undefined;
    if (extracted.next?.link !== undefined) next = new URL(extracted.next.link, url);
    else if (extracted.next?.token) (next = new URL(url)).searchParams.set(extracted.next.token.name, extracted.next.token.value);
    if (!next || next.origin !== url.origin || `${next.pathname}${next.search}` === path) break;
    path = `${next.pathname}${next.search}`;
  }
  return ids;
}

export const listScopeChecks = defineChecks('list-scope', {
  'trustist.customers.list.unfiltered': async (ctx: CheckContext) => {
    const credentials = key(ctx, 'tenantA');
    const a = new TrustistClient(ctx, credentials);
    const made: string[] = [];
    await ctx.property(
      fc.boolean(),
      async (withOrg) => {
        // The rule is about customers without an orgId too: those carry the run tag in their name instead.
        const body = withOrg ? { orgId: orgNamespace(ctx, 'unfiltered'), firstName: 'Listed' } : { firstName: `${orgNamespace(ctx, 'unfiltered')} no orgId` };
        made.push((await createCustomer(ctx, a, body)).id);
        const shown = await unfilteredIds(ctx, credentials);
        const missing = made.filter((id) => !shown.has(id));
        ctx.assertEqual(missing, [], "a list without orgId must hold every customer of the tenant (those without an orgId included), but leaves out some of this check's");
      },
      { runs: ctx.runsAtMost(6), examples: [false, true] },
    );
  },

  'trustist.customers.list.unknown-org': async (ctx: CheckContext) => {
    const a = new TrustistClient(ctx, key(ctx, 'tenantA'));
    // A customer of the tenant exists, so an empty answer is the filter's doing, not an empty tenant's.
    await createCustomer(ctx, a, { orgId: orgNamespace(ctx, 'known'), firstName: 'Known' });
    await ctx.property(
      unicodeText({ maxLength: 12 }),
      async (suffix) => {
        // A fresh run-tagged namespace: no customer, of this run or anyone's, has this orgId.
        const orgId = `${orgNamespace(ctx, 'unknown')}${suffix}`;
        const list = await a.listCustomers(orgId);
        expectStatus(ctx, list, [200], `a list by an orgId that no customer has (${JSON.stringify(orgId)}) must answer 200`);
        ctx.assertEqual(idsOf(list.customers), [], `a list by an orgId that no customer has (${JSON.stringify(orgId)}) must hold no customers`);
      },
      { runs: ctx.runsAtMost(10), examples: ['', 'Zoë', '😀'] },
    );
  },
});
