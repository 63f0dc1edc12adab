import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { customerBodies } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf, type Customer } from '../../src/vendors/trustly/client.ts';
import { customerOf } from '../../src/vendors/trustly/expect-reply.ts';
import { CLOCK_SKEW_MS, timestampProblems, unixMillisProblem, updateTimestampProblems } from '../../src/vendors/trustly/model.ts';

const stamps = (c: Customer) => ({ createdAt: c.createdAt, updatedAt: c.updatedAt });

export const timestampsChecks = defineChecks('timestamps', {
  'trustly.customers.timestamps': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'timestamps');
    const route = fc.constantFrom('update by id', 'upsert by externalId');
    // Each run waits a few milliseconds between the writes, hence fewer runs.
    await ctx.property(fc.tuple(customerBodies(ctx, { style: 'plain' }), customerBodies(ctx, { style: 'plain' }), route), async ([first, second, how]) => {
      const externalId = ns.next();
      const t0 = Date.now();
      const created = customerOf(ctx, await client.createOrUpdate({ ...first, externalId }), 'POST /api/v1/customers');
      const t1 = Date.now();
      const createProblems = timestampProblems(created, t0, t1);
      ctx.assert(createProblems.length === 0, `the created customer's timestamps: ${createProblems.join('; ')}`, {
        received: stamps(created),
        expected: `integer Unix milliseconds within ${CLOCK_SKEW_MS / 60_000} minutes of ${t0}..${t1}`,
      });

      // At least 2 ms later, so a millisecond clock must show the update as later.
      await sleep(3);
      const body = { ...second, externalId };
      const t2 = Date.now();
      const reply = how === 'update by id' ? await client.update(created.customerId, body) : await client.createOrUpdate(body);
      const t3 = Date.now();
      const updated = customerOf(ctx, reply, how);
      if (how === 'update by id') ctx.assertEqual(updated.customerId, created.customerId, `the ${how} answered with another customer`);
      // An upsert that missed the customer breaks trustly.customers.upsert.external-id; such a sample says nothing about timestamps.
      else fc.pre(updated.customerId === created.customerId);
      const problems = [
        ...updateTimestampProblems(created, updated, true),
        unixMillisProblem('updatedAt', updated.updatedAt, t2, t3),
      ].filter((p) => p !== undefined);
      ctx.assert(problems.length === 0, `after the ${how}: ${problems.join('; ')}`, {
        received: stamps(updated),
        expected: { createdAt: created.createdAt, updatedAt: `later than ${created.updatedAt}, Unix milliseconds near ${t2}..${t3}` },
      });
      const stored = customerOf(ctx, await client.get(created.customerId), `GET /api/v1/customers/${created.customerId}`);
      ctx.assertEqual(stamps(stored), stamps(updated), `GET /api/v1/customers/${created.customerId} shows other timestamps than the ${how} answered`);
    }, { runs: Math.max(1, Math.ceil(ctx.runs / 2)) });
  },
});
