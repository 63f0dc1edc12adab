import fc from 'fast-check';
import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { expectStatus, expectUnchanged } from './judge.ts';
import { OperationClient } from './operation-client.ts';
import { operationsParam, othersParam, statusesParam, withId } from './operation-names.ts';
import { bodiesOf, requiredOf } from './record-bodies.ts';

/**
 * Another account (x-conform's scope.other) never reaches the first one's record: its get and
 * update get 404 (params.status; 404, not 403, which would confirm the id exists), its update
 * changes nothing the first account then reads, and its list by the record's tag does not show
 * it. params.operations narrows what is tried (default get, update, list); params.others adds
 * operations of the spec by id, each with its body naming the record ("{id}"), which get the same
 * refusal and change nothing the first account then reads. params.runsAtMost caps the runs
 * (isolation depends on the keys more than on the data). With params.upserts, the other account
 * also creates with each of the record's upsert keys (x-conform update.upsertKeys): whether that is
 * refused (404) or makes a record of its own, it never answers with the first account's record nor
 * changes it; the answers are recorded under params.observe, when given.
 */
export const scopeIsolation: Kind = async (ctx: CheckContext, params) => {
  const { conform } = ctx.spec;
  const a = new OperationClient(ctx, conform.scope.primary);
  const b = new OperationClient(ctx, conform.scope.other);
  void b.credentials; // skips the rule, naming the variables, before anything is written
  const statuses = statusesParam(ctx, params, 'status', [404]);
  const operations = operationsParam(ctx, params, ['get', 'update', 'list']);
  const others = othersParam(ctx, params);
  const runs = typeof params.runsAtMost === 'number' ? ctx.runsAtMost(params.runsAtMost) : ctx.runs;
  const noun = conform.scope.noun;
  const ns = ctx.namespace('isolated');
  const upsertKeys = params.upserts === true ? (conform.update.upsertKeys ?? []) : [];
  const answers = new Set<string>();
  const otherScope = conform.credentials[conform.scope.other]?.scope ?? conform.scope.other;
  await ctx.property(
    fc.tuple(bodiesOf(ctx), bodiesOf(ctx)),
    async ([first, second]) => {
      const tag = ns.next();
      const id = a.idOf(a.recordOf(await a.create({ ...first, [conform.record.tag.field]: tag }), conform.operations.create));
      if (operations.includes('get')) expectStatus(ctx, await b.get(id), statuses, `the other ${noun}'s ${conform.operations.get} ${id}`);
      if (operations.includes('update') || upsertKeys.length > 0) {
        const before = a.recordOf(await a.get(id), `${conform.operations.get} ${id}`);
        if (operations.includes('update')) expectStatus(ctx, await b.update(id, { ...second, ...requiredOf(ctx, second) }), statuses, `the other ${noun}'s ${conform.operations.update} ${id}`);
        for (const key of upsertKeys) {
          const what = `the other ${noun}'s ${conform.operations.create} with the ${key} of record ${id}`;
          const keys = { [conform.record.tag.field]: key === conform.record.tag.field ? tag : ns.next(), [key]: before[key] };
          const reply = await b.create({ ...second, ...keys });
          expectStatus(ctx, reply, [200, 201, 404], what);
          answers.add(`${key}: ${reply.status === 404 ? '404' : `new ${conform.record.envelope ?? 'record'} of ${otherScope}`}`);
          ctx.assert(reply.record === undefined || b.idOf(reply.record) !== id, `${what} answered with that record`, { received: reply.record, expected: `a record of the other ${noun}, or 404` });
        }
        const after = a.recordOf(await a.get(id), `${conform.operations.get} ${id}`);
        expectUnchanged(ctx, after, before, `the other ${noun}'s ${conform.operations.update} of record ${id}`);
      }
      for (const { operationId, json } of others) {
        const before = a.recordOf(await a.get(id), `${conform.operations.get} ${id}`);
        expectStatus(ctx, await b.call(operationId, { id, json: withId(json, id) }), statuses, `the other ${noun}'s ${operationId} for record ${id}`);
        expectUnchanged(ctx, a.recordOf(await a.get(id), `${conform.operations.get} ${id}`), before, `the other ${noun}'s ${operationId} for record ${id}`);
      }
      if (operations.includes('list') && conform.record.tag.listFilter !== undefined) {
        const listed = await b.listByTag(tag);
        // A filter that matches nothing may answer 404 or an empty list: either shows nothing.
        if (listed.status !== 404) expectStatus(ctx, listed, [200], `the other ${noun}'s ${conform.operations.list}`);
        const shown = (listed.records ?? []).map((r) => b.idOf(r));
        ctx.assert(!shown.includes(id), `the other ${noun}'s ${conform.operations.list} by ${conform.record.tag.field} shows record ${id}`, { received: shown, expected: `no record ${id}` });
      }
    },
    { runs },
  );
  if (typeof params.observe === 'string') ctx.observe({ [params.observe]: [...answers].sort() });
};
