import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import {
  customerBodies,
  driverLicense,
  exampleBody,
  PARTIAL_LICENSES,
  partialLicense,
  REQUIRED_VIOLATIONS,
  violateRequired,
} from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf } from '../../src/vendors/trustly/client.ts';
import { expectStatus } from '../../src/kinds/judge.ts';
import { customerOf, customersOf } from '../../src/vendors/trustly/expect-reply.ts';

// Every property run tries every listed violation on the same generated body: a violation drawn
// at random would leave one of the seven untried in a run of 30 about 1% of the time, and a
// check that misses a broken field now and then is a flaky gate. Fewer runs keep the cost level.
const fewerRuns = (ctx: CheckContext) => Math.max(1, Math.ceil(ctx.runs / 3));

export const validationChecks = defineChecks('validation', {
  'trustly.customers.create.required-fields': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'create-required');
    await ctx.property(customerBodies(ctx, { style: 'plain' }), async (generated) => {
      const body = { ...generated, externalId: ns.next() };
      for (const violation of REQUIRED_VIOLATIONS) {
        const reply = await client.createOrUpdate(violateRequired(body, violation));
        expectStatus(ctx, reply, [400], `a create with ${violation}`);
      }
      // Every refused body carried this run's own externalId: a list by it shows whether any was stored.
      const stored = customersOf(ctx, await client.list({ externalId: body.externalId }), 'listing by the refused bodies\' externalId');
      // Stored after all: they are the run's records, and the ledger must hold them.
      for (const customer of stored) ctx.noteCreated(customer.customerId, 'merchantA');
      ctx.assert(stored.length === 0, 'a refused create stored a customer', { received: stored, expected: [] });
    }, { runs: fewerRuns(ctx) });
  },

  'trustly.customers.update.required-fields': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'update-required');
    await ctx.property(fc.tuple(customerBodies(ctx, { style: 'plain' }), customerBodies(ctx, { style: 'plain' })), async ([first, second]) => {
      const externalId = ns.next();
      const created = customerOf(ctx, await client.createOrUpdate({ ...first, externalId }), 'creating the customer to update');
      const before = customerOf(ctx, await client.get(created.customerId), 'GET before the refused updates');
      // The refused bodies carry other values, so a refused update that still wrote something shows.
      for (const violation of REQUIRED_VIOLATIONS) {
        const reply = await client.update(created.customerId, violateRequired({ ...second, externalId }, violation));
        expectStatus(ctx, reply, [400], `an update with ${violation}`);
      }
      const after = customerOf(ctx, await client.get(created.customerId), 'GET after the refused updates');
      ctx.assertEqual(after, before, `a refused update changed customer ${created.customerId}`);
    }, { runs: fewerRuns(ctx) });
  },

  'trustly.customers.driver-license': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'driver-license');
    const base = customerOf(ctx, await client.createOrUpdate(exampleBody(ns.next())), 'creating the customer to update');
    await ctx.property(fc.tuple(customerBodies(ctx, { style: 'plain' }), driverLicense), async ([generated, license]) => {
      const body = { ...generated, externalId: ns.next() };
      for (const kind of PARTIAL_LICENSES) {
        const partial = partialLicense(kind, license);
        expectStatus(ctx, await client.createOrUpdate({ ...body, driverLicense: partial }), [400], `a create with a driverLicense of ${kind}`);
        const update = { ...body, externalId: base.externalId, driverLicense: partial };
        expectStatus(ctx, await client.update(base.customerId, update), [400], `an update with a driverLicense of ${kind}`);
      }
    }, { runs: fewerRuns(ctx) });
  },
});
