import fc from 'fast-check';
import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { expectStatus } from './judge.ts';
import { OperationClient } from './operation-client.ts';
import { statusesParam } from './operation-names.ts';
import { bodiesOf } from './record-bodies.ts';
import { skipIfRefused } from './skip-if-refused.ts';

/**
 * A list by a tag that no record has answers params.status (default 200) and holds no records.
 * The tag is a fresh one of the run followed by any text (params.examples first: non-ASCII text,
 * say), so no record of the run's or anyone's has it; a record of the account exists first, so an
 * empty answer is the filter's doing, not an empty account's. params.runsAtMost caps the runs.
 */
export const unknownTag: Kind = async (ctx: CheckContext, params) => {
  const { conform } = ctx.spec;
  const a = new OperationClient(ctx, conform.scope.primary);
  const statuses = statusesParam(ctx, params, 'status', [200]);
  const field = conform.record.tag.field;
  const [body] = fc.sample(bodiesOf(ctx), { seed: ctx.seed, numRuns: 1 });
  const known = await a.create({ ...body, [field]: ctx.namespace('known').next() });
  skipIfRefused(ctx, known, 'the create of the record the account holds first');
  a.recordOf(known, conform.operations.create);
  const ns = ctx.namespace('unknown');
  await ctx.property(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    async (suffix) => {
      const tag = `${ns.next()}${suffix}`;
      const list = await a.listByTag(tag);
      expectStatus(ctx, list, statuses, `a list by ${field} ${JSON.stringify(tag)}, which no record has,`);
      const shown = (list.records ?? []).map((r) => a.idOf(r));
      ctx.assertEqual(shown, [], `a list by ${field} ${JSON.stringify(tag)}, which no record has, must hold no records`);
    },
    { runs: ctx.runsAtMost(typeof params.runsAtMost === 'number' ? params.runsAtMost : 10), examples: Array.isArray(params.examples) ? params.examples.map(String) : [] },
  );
};
