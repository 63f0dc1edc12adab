import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { fullCreateBody, inNamespace, orgNamespace, updatePatch, wellFormedId } from '../../src/vendors/trustist/arbitraries.ts';
import { TrustistClient, type Reply } from '../../src/vendors/trustist/client.ts';
import { key } from '../../src/vendors/trustist/credentials.ts';
import { createCustomer, expectCreated, expectOk, expectStatus, idsOf, sleep } from '../../src/vendors/trustist/expect.ts';
import { fieldsOf, withChange, type Customer, type CustomerPatch } from '../../src/vendors/trustist/model.ts';
import { instant, parseTimestamp, type Timestamp } from '../../src/vendors/trustist/timestamps.ts';

// What an update must never do: move `created`, leave `lastUpdated` behind, change `id` or
// `tenantId`, or bring a customer into being.

/** Above this tick we do not wait inside a property (whole-second stamps would make it crawl); see strictAfter. */
const MAX_WAIT_MS = 100;

function stampOf(ctx: CheckContext, record: Customer, field: 'created' | 'lastUpdated'): Timestamp {
  const stamp = parseTimestamp(record[field]);
  ctx.assert(stamp !== undefined, `${field} must be an RFC 3339 date-time`, { received: record[field], expected: 'e.g. 2025-01-21T14:30:00Z' });
  return stamp;
}

/**
 * Waits, if the target's tick is short, until one tick has passed since the previous stamp was
 * made (we had its answer at `madeBy`). Returns whether the next stamp must then be strictly
 * later: only when more than a tick separates the two writes can "moves forward" be demanded.
 */
async function strictAfter(previous: Timestamp, madeBy: number): Promise<boolean> {
  const due = madeBy + previous.resolutionMs + 1;
  if (previous.resolutionMs <= MAX_WAIT_MS && Date.now() < due) await sleep(due - Date.now());
  return Date.now() >= due;
}

/** One update, then a get: the stored lastUpdated moved forward and created stayed. Returns the stored record. */
async function updateAndCheckStamps(ctx: CheckContext, a: TrustistClient, current: Customer, madeBy: number, patch: CustomerPatch) {
  const previous = stampOf(ctx, current, 'lastUpdated');
  const strict = await strictAfter(previous, madeBy);
  const update: Reply<Customer> = await a.updateCustomer(current.id, withChange(fieldsOf(current), patch));
  expectOk(ctx, update, 'an update of an existing customer must succeed');
  const stored = expectOk(ctx, await a.getCustomer(current.id), 'tenant A reads its own customer');
  ctx.assertEqual(instant(stored.created), instant(current.created), 'created must never change on update (as an instant)');
  const now = stampOf(ctx, stored, 'lastUpdated');
  ctx.assert(strict ? now.ms > previous.ms : now.ms >= previous.ms, `lastUpdated must move forward on update${strict ? '' : ' (or stay, within one tick of the previous write)'}`, {
    received: { before: current.lastUpdated, after: stored.lastUpdated },
    expected: strict ? 'after > before' : 'after >= before',
  });
  ctx.assert(now.ms >= stampOf(ctx, stored, 'created').ms, 'lastUpdated must not be before created', { received: stored, expected: 'lastUpdated >= created' });
  return { stored, madeBy: update.receivedAt };
}

export const updateInvariantChecks = defineChecks('update-invariants', {
  'trustist.customers.update.timestamps': async (ctx: CheckContext) => {
    const a = new TrustistClient(ctx, key(ctx, 'tenantA'));
    let coarse: { record: Customer; madeBy: number } | undefined;
    await ctx.property(fc.tuple(fullCreateBody(ctx.spec), fc.array(updatePatch(ctx.spec, { nulls: false }), { minLength: 1, maxLength: 3 })), async ([template, patches]) => {
      const reply = await a.createCustomer(inNamespace(template, orgNamespace(ctx, 'stamps')));
      let current = expectCreated(ctx, reply);
      let madeBy = reply.receivedAt;
      for (const patch of patches) ({ stored: current, madeBy } = await updateAndCheckStamps(ctx, a, current, madeBy, patch));
      coarse ??= { record: current, madeBy };
    });
    // A target with a coarse tick (whole seconds) was only held to "not backwards" above; wait one tick, once, and demand "forward".
    if (coarse && stampOf(ctx, coarse.record, 'lastUpdated').resolutionMs > MAX_WAIT_MS) {
      await sleep(stampOf(ctx, coarse.record, 'lastUpdated').resolutionMs + 50);
      await updateAndCheckStamps(ctx, a, coarse.record, coarse.madeBy, { lastName: 'Forward' });
    }
  },

  'trustist.customers.update.unknown': async (ctx: CheckContext) => {
    const a = new TrustistClient(ctx, key(ctx, 'tenantA'));
    const sample = await createCustomer(ctx, a, { orgId: orgNamespace(ctx, 'ghost') });
    const flipped = `${sample.id.slice(0, -1)}${sample.id.endsWith('A') ? 'B' : 'A'}`;
    await ctx.property(
      wellFormedId(sample.id).filter((id) => id !== sample.id),
      async (id) => {
        // orgId, though not in the seed's update table, tags whatever a wrongly accepted update might create.
        const ns = orgNamespace(ctx, 'ghost');
        expectStatus(ctx, await a.updateCustomer(id, { firstName: 'Ghost', orgId: ns }), [404], `update of an id that does not exist (${id}) must get 404`);
        const list = await a.listCustomers(ns);
        expectStatus(ctx, list, [200], 'tenant A lists its own customers');
        ctx.assertEqual(idsOf(list.customers), [], 'an update of an unknown id must not create a customer');
      },
      { examples: [flipped, '00000000-0000-0000-0000-000000000000'] },
    );
  },
});
