import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { exampleBody, unknownCustomerIds } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf, type Reply } from '../../src/vendors/trustly/client.ts';
import { expectStatus } from '../../src/kinds/judge.ts';
import { customerOf } from '../../src/vendors/trustly/expect-reply.ts';

// The list endpoint's open cases. A live merchant may hold any number of other customers, so
// what is recorded never depends on them: only whether this run's own record shows, never a count.

function listAnswer(reply: Reply): string {
  if (reply.status !== 200) return `refused (${reply.status})`;
  return reply.customers!.length === 0 ? 'an empty list (200)' : 'a non-empty list (200)';
}

export const listReadingsChecks = defineChecks('list-readings', {
  'trustly.customers.list.unfiltered': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'list-unfiltered');
    const created = customerOf(ctx, await client.createOrUpdate(exampleBody(ns.next())), 'creating a customer that an unfiltered list could show');
    const reply = await client.call('listCustomers');
    expectStatus(ctx, reply, [200, 400], 'GET /api/v1/customers without a filter');
    if (reply.status !== 200) return ctx.observe({ answer: `refused (${reply.status})` });
    const own = reply.customers!.some((c) => c.customerId === created.customerId);
    ctx.observe({ answer: reply.customers!.length === 0 ? 'none (200)' : own ? "the merchant's customers (200)" : 'some customers, not the one just created (200)' });
  },

});
