import fc from 'fast-check';
import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { expectStatus } from './judge.ts';
import { OperationClient } from './operation-client.ts';
import { operationsParam, othersParam, withId } from './operation-names.ts';
import { bodiesOf, requiredOf } from './record-bodies.ts';

/**
 * An id that names no record gets 404 (params.operations: get, and update when named; params.others
 * adds operations of the spec by id, each with its body naming the id as "{id}"; params.runsAtMost
 * caps the runs). One real
 * id shows the target's id shape; the ids drawn have its length and its kinds of character (an
 * all-digit id gets all-digit ones: a malformed id is another rule's), and one differs from the
 * real id in one character only.
 */
export const unknownId: Kind = async (ctx: CheckContext, params) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const { conform } = ctx.spec;
  const [body, update] = fc.sample(fc.tuple(bodiesOf(ctx), bodiesOf(ctx)), { seed: ctx.seed, numRuns: 1 })[0]!;
  const sample = a.idOf(a.recordOf(await a.create({ ...body, [conform.record.tag.field]: ctx.namespace('unknown-id').next() }), conform.operations.create));
  // One character changed: a letter at the end, or for an all-digit id the first digit (a store
  // may hand out neighbouring numbers, and a neighbour of a real id may be real too).
  const flipped = /^\d+$/.test(sample) ? `${sample.startsWith('9') ? '8' : '9'}${sample.slice(1)}` : `${sample.slice(0, -1)}${sample.endsWith('A') ? 'B' : 'A'}`;
  const alphabet = alphabetOf(sample);
  const ids = fc.stringMatching(new RegExp(`^[${alphabet}]{${Math.max(1, sample.length)}}$`)).filter((id) => id !== sample && !ctx.created.includes(id));
  const operations = operationsParam(ctx, params, ['get']);
  const others = othersParam(ctx, params);
  await ctx.property(
    ids,
    async (id) => {
      for (const name of operations) {
        const operationId = conform.operations[name];
        const reply = name === 'update' ? await a.update(id, { ...update, ...requiredOf(ctx, update) }) : await a.call(operationId, { id });
        expectStatus(ctx, reply, [404], `${operationId} of an id that names no record (${id})`);
      }
      for (const { operationId, json } of others) {
        expectStatus(ctx, await a.call(operationId, { id, json: withId(json, id) }), [404], `${operationId} for an id that names no record (${id})`);
      }
    },
    { examples: [flipped], runs: typeof params.runsAtMost === 'number' ? ctx.runsAtMost(params.runsAtMost) : undefined },
  );
};

/** A regex character class of the kinds of character the sample id uses. */
function alphabetOf(sample: string): string {
  const classes = [/\d/.test(sample) ? '0-9' : '', /[a-z]/.test(sample) ? 'a-z' : '', /[A-Z]/.test(sample) ? 'A-Z' : ''];
  const others = [...new Set(sample.replace(/[0-9a-zA-Z]/g, ''))].map((c) => c.replace(/[\\\]^-]/, '\\$&'));
  return classes.join('') + others.join('') || '0-9';
}
