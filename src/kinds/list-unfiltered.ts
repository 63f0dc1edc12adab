import fc from 'fast-check';
import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { expectStatus } from './judge.ts';
import { OperationClient } from './operation-client.ts';
import { bodiesOf } from './record-bodies.ts';
import { skipIfRefused } from './skip-if-refused.ts';

/**
 * A list without the tag filter holds every record of the account: each record this rule made is
 * in it, read to its last page. With params.untagged (a text field), records without the tag field
 * are made too, carrying the run's tag in that field instead: a list may wrongly narrow itself to
 * tagged records. params.runsAtMost caps the runs: each reads the whole account's list. Only the
 * run's own records are judged, so what else a busy account holds is not blamed on this rule.
 */
export const listUnfiltered: Kind = async (ctx: CheckContext, params) => {
  const { conform } = ctx.spec;
  const a = new OperationClient(ctx, conform.scope.primary);
  const untagged = typeof params.untagged === 'string' ? params.untagged : undefined;
  const ns = ctx.namespace('unfiltered');
  const made: string[] = [];
  await ctx.property(
    fc.tuple(fc.boolean().map((tagged) => tagged || untagged === undefined), bodiesOf(ctx)),
    async ([tagged, drawn]) => {
      const body = { ...drawn, ...(tagged ? { [conform.record.tag.field]: ns.next() } : { [untagged!]: ns.next() }) };
      const created = await a.create(body);
      skipIfRefused(ctx, created, `the create of the record this run lists: ${JSON.stringify(body).slice(0, 200)}`);
      made.push(a.idOf(a.recordOf(created, conform.operations.create)));
      const list = await a.call(conform.operations.list);
      expectStatus(ctx, list, [200], `${conform.operations.list} without ${conform.record.tag.field}`);
      const shown = new Set((list.records ?? []).map((r) => a.idOf(r)));
      const missing = made.filter((id) => !shown.has(id));
      ctx.assertEqual(missing, [], `a list without ${conform.record.tag.field} must hold every record of the account${untagged ? ` (those without ${conform.record.tag.field} included)` : ''}, but leaves out some of this rule's`);
    },
    { runs: ctx.runsAtMost(typeof params.runsAtMost === 'number' ? params.runsAtMost : 6), examples: (untagged ? [false, true] : [true]).map((tagged) => [tagged, {}] as [boolean, Record<string, unknown>]) },
  );
};
