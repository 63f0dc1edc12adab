import fc from 'fast-check';
import { setTimeout as sleep } from 'node:timers/promises';
import type { InvalidValue } from '../../src/generation/index.ts';
import { expectStatus } from '../../src/kinds/judge.ts';
import { OperationClient } from '../../src/kinds/operation-client.ts';
import { stampStepMs } from '../../src/kinds/stamp-step.ts';
import { defineChecks } from '../../src/runner/check.ts';
import { pick, type CheckContext } from '../../src/runner/check-context.ts';
import { fullCreateBody, malformedJson, nonObjectBody, orgNamespace, updatePatch, wrongTypeBody } from '../../src/vendors/trustist/arbitraries.ts';
import { addressReading, fieldsOf, sameFields, withChange, type CustomerPatch } from '../../src/vendors/trustist/model.ts';
import { idsOf, storedCustomer } from './create-customer.ts';

// What a write stores: nothing when a create's body is invalid, every value an update carries
// (sets-fields), and what the docs leave open (a partial address, orgId in an update, an update
// that carries no field). What an update answers, an invalid update body and whether creates
// are deduplicated are the generic kinds' (the spec's x-rules).

type Invalid = { kind: 'malformed'; index: number } | { kind: 'non-object'; value: unknown } | ({ kind: 'wrong type' } & InvalidValue);

/** The body sent: a wrongly typed field's body carries the namespace in orgId, unless orgId is the field. */
const invalidText = (invalid: Invalid, ns: string): string =>
  invalid.kind === 'malformed'
    ? malformedJson(ns)[invalid.index]!
    : JSON.stringify(invalid.kind === 'wrong type' && invalid.pointer !== '/orgId' ? { ...(invalid.value as object), orgId: ns } : invalid.value);

/**
 * The fields of `record` that do not show a value the patch sent. An address sub-field counts on
 * its own: whether the rest of the address merges or is replaced is open (update.nested-address).
 */
function valuesNotShown(record: unknown, patch: CustomerPatch): string[] {
  const fields = fieldsOf(record);
  const sent = Object.entries(patch).flatMap(([name, v]) => (name === 'address' ? Object.entries(v ?? {}).map(([part, w]) => [`address.${part}`, w] as const) : [[name, v] as const]));
  const shown = (name: string) => (name.startsWith('address.') ? fields.address?.[name.slice(8) as keyof typeof fields.address] : fields[name as keyof typeof fields]);
  return sent.filter(([name, v]) => v !== null && v !== undefined && shown(name) !== v).map(([name]) => name);
}

export const writeChecks = defineChecks('writes', {
  // A refused create must store nothing. Each body carries a fresh namespace (in orgId, or in the
  // malformed text where a lenient parser would find it), whose list no other writer can fill. A body
  // carrying nothing of ours (not an object, a wrongly typed orgId) could only leave a record no one
  // can tell from another writer's on a shared tenant: those are judged by their 400 alone.
  'trustist.customers.create.invalid-body': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const invalid: fc.Arbitrary<Invalid> = fc.oneof(
      fc.nat({ max: 7 }).map((index) => ({ kind: 'malformed' as const, index })),
      nonObjectBody().map((value) => ({ kind: 'non-object' as const, value })),
      wrongTypeBody(ctx.spec).map((v) => ({ kind: 'wrong type' as const, ...v })),
    );
    const nullReadings = new Set<string>();
    const examples: Invalid[] = [
      { kind: 'malformed', index: 0 },
      ...[[], 'customer', null].map((value) => ({ kind: 'non-object' as const, value })),
      { kind: 'wrong type', value: { firstName: 42 }, pointer: '/firstName', mutation: 'wrong type (integer for string)' },
      { kind: 'wrong type', value: { lastName: null }, pointer: '/lastName', mutation: 'wrong type (null for string)' },
    ];
    await ctx.property(
      invalid,
      async (drawn) => {
        const ns = orgNamespace(ctx, 'invalid');
        const reply = await a.call('createCustomer', { rawBody: invalidText(drawn, ns), credentials: a.credentials });
        // Null in an optional field of a create: a wrong type, or "absent"? Open (x-ambiguity on
        // CustomerCreateRequest): a 400 and a create storing nothing there both pass; the reading is recorded.
        if (drawn.kind === 'wrong type' && drawn.mutation.startsWith('wrong type (null ')) {
          const accepted = reply.status >= 200 && reply.status < 300;
          nullReadings.add(accepted ? 'treated as absent' : `refused with ${reply.status}`);
          const stored = pick(reply.json, drawn.pointer);
          const message = `a create that accepts null at ${drawn.pointer} must store nothing there`;
          if (accepted) return ctx.assert(stored == null, message, { received: stored, expected: `${drawn.pointer} absent or null`, pointer: drawn.pointer });
        }
        expectStatus(ctx, reply, [400], `an invalid create body (${drawn.kind})`);
        const list = await a.listByTag(ns);
        expectStatus(ctx, list, [200], 'tenant A lists its own customers');
        for (const id of idsOf(list.records)) ctx.noteCreated(id, 'tenantA');
        ctx.assertEqual(idsOf(list.records), [], `a refused create must create nothing, but the list by orgId ${ns} (the namespace the body carried) is not empty`);
      },
      { examples },
    );
    if (nullReadings.size > 0) ctx.observe({ nullInOptionalFieldOnCreate: [...nullReadings].sort() });
  },

  'trustist.customers.update.sets-fields': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    await ctx.property(
      fc.tuple(fullCreateBody(ctx.spec), updatePatch(ctx.spec, { nulls: false })),
      async ([template, drawn]) => {
        const before = await storedCustomer(ctx, a, template, 'sets');
        // At least one value must differ from the stored one, or an update ignored as a whole would go unseen.
        const patch = withChange(fieldsOf(before), drawn);
        const answer = a.recordOf(await a.update(a.idOf(before), patch), 'an update of an existing customer');
        const stored = a.recordOf(await a.get(a.idOf(before)), 'tenant A reads its own customer');
        for (const [where, record] of [['the update response', answer], ['a get after the update', stored]] as const) {
          const missing = valuesNotShown(record, patch);
          ctx.assert(missing.length === 0, `every value sent in an update must be stored, but ${where} does not show ${missing.join(', ')}`, { received: fieldsOf(record), expected: { sent: patch } });
        }
      },
      { examples: [[{ firstName: 'Ada', lastName: 'Lovelace', emailAddress: 'ada@example.org', orgId: '' }, { firstName: 'Augusta', emailAddress: 'augusta@example.org' }]] },
    );
  },

  // Open in the docs, so recorded, never judged: a partial address sent to a record with a full one, read by get before and after.
  'trustist.customers.update.nested-address': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const address = { addressLine1: '123 High Street', addressLine2: 'Flat 4B', city: 'London', postalCode: 'SW1A 1AA', country: 'GB' };
    const before = await storedCustomer(ctx, a, { firstName: 'Sarah', address, orgId: '' }, 'address');
    const patch = { address: { city: 'Manchester' } };
    a.recordOf(await a.update(a.idOf(before), patch), 'an update of an existing customer');
    const after = a.recordOf(await a.get(a.idOf(before)), 'tenant A reads its own customer');
    ctx.observe({ reading: addressReading(fieldsOf(before), patch, fieldsOf(after)), sent: patch, addressAfter: fieldsOf(after).address ?? null });
  },

  'trustist.customers.update.org-id': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const before = await storedCustomer(ctx, a, { firstName: 'Branch', orgId: '' }, 'org');
    // Both orgIds carry the run tag, so whatever the target does leaves the record findable.
    const moved = orgNamespace(ctx, 'org-moved');
    const reply = await a.update(a.idOf(before), { orgId: moved });
    const orgAfter = a.recordOf(await a.get(a.idOf(before)), 'tenant A reads its own customer').orgId ?? null;
    const reading = reply.status >= 400 && reply.status < 500 ? 'refused' : orgAfter === moved ? 'applied' : orgAfter === before.orgId ? 'ignored' : 'other';
    // Open in the docs: recorded, never judged (a refusal that changed the record is recorded as such).
    ctx.observe({ reading, status: reply.status, orgIdChanged: orgAfter !== before.orgId });
  },

  'trustist.customers.update.empty-body': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const before = await storedCustomer(ctx, a, { firstName: 'Untouched', lastName: 'Record', orgId: '' }, 'empty');
    // Past one step of the stamp as written (a second for whole seconds, a millisecond for
    // milliseconds), so a lastUpdated that moves can be seen to move.
    await sleep(stampStepMs(before.lastUpdated) + 5);
    const reply = await a.update(a.idOf(before), {});
    const after = a.recordOf(await a.get(a.idOf(before)), 'tenant A reads its own customer');
    ctx.observe({ status: reply.status, lastUpdatedMoved: after.lastUpdated !== before.lastUpdated, fieldsChanged: !sameFields(fieldsOf(after), fieldsOf(before)) });
  },
});
