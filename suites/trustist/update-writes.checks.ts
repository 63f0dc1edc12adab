import fc from 'fast-check';
import { invalidArbitrary, type InvalidValue } from '../../src/generation/index.ts';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectStatus, expectUnchanged } from '../../src/kinds/judge.ts';
import { OperationClient } from '../../src/kinds/operation-client.ts';
import { fullCreateBody, malformedJson, nonObjectBody, orgNamespace, trustistSchemas, updatePatch } from '../../src/vendors/trustist/arbitraries.ts';
import { fieldsOf, withChange, type CustomerPatch } from '../../src/vendors/trustist/model.ts';
import { storedCustomer } from './create-customer.ts';

// What an update writes: every value it carries (sets-fields), nothing when its body is invalid,
// and what the docs leave open (orgId in an update, an update that carries no field).

/**
 * The fields of `record` that do not show a value the patch sent. An address sub-field counts on
 * its own: whether the rest of the address merges or is replaced is open (update.nested-address).
 */
function valuesNotShown(record: unknown, patch: CustomerPatch): string[] {
  const fields = fieldsOf(record);
  const missing: string[] = [];
  for (const [name, value] of Object.entries(patch)) {
    if (value === null || value === undefined) continue;
    if (name === 'address') {
      for (const [part, v] of Object.entries(value as Record<string, string | null>)) {
        if (v !== null && v !== undefined && fields.address?.[part as keyof typeof fields.address] !== v) missing.push(`address.${part}`);
      }
    } else if (fields[name as keyof typeof fields] !== value) missing.push(name);
  }
  return missing;
}

type InvalidUpdate = { kind: 'malformed'; index: number } | { kind: 'non-object'; value: unknown } | { kind: 'wrong type'; value: unknown; pointer: string; mutation: string };

function invalidUpdateText(invalid: InvalidUpdate): string {
  if (invalid.kind === 'malformed') {
    // The texts carry an orgId; here it is a value to be ignored, any tagged one does.
    const texts = malformedJson('conform-invalid-update');
    return texts[invalid.index % texts.length]!;
  }
  return JSON.stringify(invalid.value);
}

/** Update bodies with one documented field of a JSON type the spec forbids. */
function wrongTypeUpdate(ctx: CheckContext): fc.Arbitrary<InvalidValue> {
  return invalidArbitrary(trustistSchemas(ctx.spec).update, {}, (m) => m.mutation.startsWith('wrong type') && m.pointer !== '/orgId');
}

export const updateWriteChecks = defineChecks('update-writes', {
  'trustist.customers.update.sets-fields': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    await ctx.property(
      fc.tuple(fullCreateBody(ctx.spec), updatePatch(ctx.spec, { nulls: false })),
      async ([template, drawn]) => {
        const before = await storedCustomer(ctx, a, template, 'sets');
        // At least one value must differ from the stored one, or an update ignored as a whole would go unseen.
        const patch = withChange(fieldsOf(before), drawn);
        const answer = a.recordOf(await a.update(a.idOf(before), patch), 'an update of an existing customer');
        const inAnswer = valuesNotShown(answer, patch);
        ctx.assert(inAnswer.length === 0, `every value sent in an update must be stored, but the update response does not show ${inAnswer.join(', ')}`, {
          received: fieldsOf(answer),
          expected: { sent: patch },
        });
        const stored = a.recordOf(await a.get(a.idOf(before)), 'tenant A reads its own customer');
        const inStore = valuesNotShown(stored, patch);
        ctx.assert(inStore.length === 0, `every value sent in an update must be stored, but a get after the update does not show ${inStore.join(', ')}`, {
          received: fieldsOf(stored),
          expected: { sent: patch },
        });
      },
      { examples: [[{ firstName: 'Ada', lastName: 'Lovelace', emailAddress: 'ada@example.org', orgId: '' }, { firstName: 'Augusta', emailAddress: 'augusta@example.org' }]] },
    );
  },

  'trustist.customers.update.invalid-body': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const invalid: fc.Arbitrary<InvalidUpdate> = fc.oneof(
      fc.nat({ max: 7 }).map((index) => ({ kind: 'malformed' as const, index })),
      nonObjectBody().map((value) => ({ kind: 'non-object' as const, value })),
      wrongTypeUpdate(ctx).map((v) => ({ kind: 'wrong type' as const, ...v })),
    );
    await ctx.property(
      fc.tuple(fullCreateBody(ctx.spec), invalid),
      async ([template, drawn]) => {
        const before = await storedCustomer(ctx, a, template, 'invalid-update');
        const reply = await a.call('updateCustomer', { id: a.idOf(before), rawBody: invalidUpdateText(drawn), credentials: a.credentials });
        expectStatus(ctx, reply, [400], `an invalid update body (${drawn.kind})`);
        const after = a.recordOf(await a.get(a.idOf(before)), 'tenant A reads its own customer');
        expectUnchanged(ctx, after, before, 'a refused update (get after the update)');
      },
      {
        runs: ctx.runsAtMost(20),
        examples: [
          [{ firstName: 'Ada', orgId: '' }, { kind: 'malformed', index: 0 }],
          [{ firstName: 'Ada', orgId: '' }, { kind: 'non-object', value: [] }],
          [{ firstName: 'Ada', orgId: '' }, { kind: 'non-object', value: null }],
          [{ firstName: 'Ada', orgId: '' }, { kind: 'wrong type', value: { firstName: 42 }, pointer: '/firstName', mutation: 'wrong type (integer for string)' }],
        ],
      },
    );
  },

  'trustist.customers.update.org-id': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const before = await storedCustomer(ctx, a, { firstName: 'Branch', orgId: '' }, 'org');
    // Both orgIds carry the run tag, so whatever the target does leaves the record findable.
    const moved = orgNamespace(ctx, 'org-moved');
    const reply = await a.update(a.idOf(before), { orgId: moved });
    const after = a.recordOf(await a.get(a.idOf(before)), 'tenant A reads its own customer');
    const orgAfter = after.orgId ?? null;
    const reading = reply.status >= 400 && reply.status < 500 ? 'refused' : orgAfter === moved ? 'applied' : orgAfter === before.orgId ? 'ignored' : 'other';
    // Open in the docs: recorded, never judged (a refusal that changed the record is recorded as such).
    ctx.observe({ reading, status: reply.status, orgIdChanged: orgAfter !== before.orgId });
  },

  'trustist.customers.update.empty-body': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const before = await storedCustomer(ctx, a, { firstName: 'Untouched', lastName: 'Record', orgId: '' }, 'empty');
    // Past one tick of a whole-second stamp, so a lastUpdated that moves can be seen to move.
    await sleep(1100);
    const reply = await a.update(a.idOf(before), {});
    const after = a.recordOf(await a.get(a.idOf(before)), 'tenant A reads its own customer');
    ctx.observe({
      status: reply.status,
      lastUpdatedMoved: after.lastUpdated !== before.lastUpdated,
      fieldsChanged: JSON.stringify(fieldsOf(after)) !== JSON.stringify(fieldsOf(before)),
    });
  },
});
