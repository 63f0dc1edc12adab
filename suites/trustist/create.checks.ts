import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import { pick, type CheckContext } from '../../src/runner/check-context.ts';
import { malformedJson, nonObjectBody, orgNamespace, wrongTypeBody } from '../../src/vendors/trustist/arbitraries.ts';
import { expectStatus } from '../../src/kinds/judge.ts';
import { OperationClient } from '../../src/kinds/operation-client.ts';
import { idsOf } from './create-customer.ts';

// A refused create (whether creates are deduplicated is the distinct-ids kind's, the spec's
// x-rules). The rule judges only records it made itself, found by the orgId namespace it put in
// each body: the tenant may hold any number of other records, and gain more while we run.

type Invalid = { kind: 'malformed'; index: number } | { kind: 'non-object'; value: unknown } | { kind: 'wrong type'; value: unknown; pointer: string; mutation: string };

function invalidBodyText(invalid: Invalid, ns: string): string {
  if (invalid.kind === 'malformed') {
    const texts = malformedJson(ns);
    return texts[invalid.index % texts.length]!;
  }
  if (invalid.kind === 'non-object') return JSON.stringify(invalid.value);
  const value = invalid.value as Record<string, unknown>;
  return JSON.stringify(invalid.pointer === '/orgId' ? value : { ...value, orgId: ns });
}

export const createChecks = defineChecks('create', {
  'trustist.customers.create.invalid-body': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const invalid: fc.Arbitrary<Invalid> = fc.oneof(
      fc.nat({ max: 7 }).map((index) => ({ kind: 'malformed' as const, index })),
      nonObjectBody().map((value) => ({ kind: 'non-object' as const, value })),
      wrongTypeBody(ctx.spec).map((v) => ({ kind: 'wrong type' as const, ...v })),
    );
    const nullReadings = new Set<string>();
    // What a refused create must not have done is proved with records this property run can name:
    // every body carries a fresh namespace (in orgId, or in the malformed text where a lenient
    // parser would find it), so a target that stores anything of a refused body stores it under
    // that namespace, and the list by it, which no other writer and no earlier run can fill, must
    // be empty. A refused body that carries nothing of ours (a JSON array, string, number or null,
    // or a wrong-typed orgId) could only leave a record with none of our data; on a shared tenant
    // that record cannot be told from another writer's, so this rule does not claim to see it and
    // judges those bodies by their 400 alone. Scanning the whole tenant instead would fail the rule
    // for whatever someone else created meanwhile, and grow with the tenant.
    await ctx.property(
      invalid,
      async (drawn) => {
        const ns = orgNamespace(ctx, 'invalid');
        const body = invalidBodyText(drawn, ns);
        const reply = await a.call('createCustomer', { rawBody: body, credentials: a.credentials });
        if (drawn.kind === 'wrong type' && drawn.mutation.startsWith('wrong type (null ')) {
          // Whether null in an optional field of a create is a value of the wrong type or means
          // "absent" is not documented (the spec's x-ambiguity on CustomerCreateRequest): a 400 and
          // a create that stores nothing there are both accepted, and the reading is recorded.
          const reading = reply.status >= 200 && reply.status < 300 ? 'treated as absent' : `refused with ${reply.status}`;
          nullReadings.add(reading);
          if (reading === 'treated as absent') {
            const stored = pick(reply.json, drawn.pointer);
            return ctx.assert(stored == null, `a create that accepts null at ${drawn.pointer} must store nothing there`, { received: stored, expected: `${drawn.pointer} absent or null`, pointer: drawn.pointer });
          }
        }
        expectStatus(ctx, reply, [400], `an invalid create body (${drawn.kind})`);
        const list = await a.listByTag(ns);
        expectStatus(ctx, list, [200], 'tenant A lists its own customers');
        for (const id of idsOf(list.records)) ctx.noteCreated(id, 'tenantA');
        ctx.assertEqual(idsOf(list.records), [], `a refused create must create nothing, but the list by orgId ${ns} (the namespace the body carried) is not empty`);
      },
      {
        examples: [
          { kind: 'malformed', index: 0 },
          { kind: 'non-object', value: [] },
          { kind: 'non-object', value: 'customer' },
          { kind: 'non-object', value: null },
          { kind: 'wrong type', value: { firstName: 42 }, pointer: '/firstName', mutation: 'wrong type (integer for string)' },
          { kind: 'wrong type', value: { lastName: null }, pointer: '/lastName', mutation: 'wrong type (null for string)' },
        ],
      },
    );
    if (nullReadings.size > 0) ctx.observe({ nullInOptionalFieldOnCreate: [...nullReadings].sort() });
  },
});
