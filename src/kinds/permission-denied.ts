import fc from 'fast-check';
import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { expectStatus, expectUnchanged } from './judge.ts';
import { OperationClient, type Reply } from './operation-client.ts';
import { operationsParam, othersParam, statusesParam, withId } from './operation-names.ts';
import { bodiesOf, requiredOf } from './record-bodies.ts';

/**
 * A key of the same account that lacks an operation (params.role, a credential role of x-conform
 * whose operations leave it out) is refused it (params.status, default 403) on each operation
 * params.operations names, and the refusal has no effect: a refused create stores nothing under
 * its tag, a refused update leaves the record as the account's full key read it before. A list is
 * tried by the record's tag and unfiltered; params.others adds operations of the spec by id, each
 * with its body naming the record ("{id}"), refused alike. params.runsAtMost caps the runs. With params.observe
 * the statuses are recorded (one, or each operation's), where the docs allow more than one.
 */
export const permissionDenied: Kind = async (ctx: CheckContext, params) => {
  const { conform } = ctx.spec;
  if (typeof params.role !== 'string') throw new Error(`${ctx.rule}: params.role must name a credential role of x-conform`);
  const a = new OperationClient(ctx, conform.scope.primary);
  const lacking = new OperationClient(ctx, params.role);
  void lacking.credentials; // skips the rule, naming the variables, before anything is written
  const statuses = statusesParam(ctx, params, 'status', [403]);
  const operations = operationsParam(ctx, params, ['create', 'get', 'update', 'list']);
  const others = othersParam(ctx, params);
  const held = [...operations.map((name) => conform.operations[name]), ...others.map((o) => o.operationId)].filter((op) => conform.credentials[params.role as string]!.operations.includes(op));
  if (held.length > 0) throw new Error(`${ctx.rule}: role ${params.role} holds ${held.join(', ')} (x-conform), which it is to be refused`);
  const runs = typeof params.runsAtMost === 'number' ? ctx.runsAtMost(params.runsAtMost) : ctx.runs;
  const without = `${params.role}, which lacks it,`;
  const seen: Record<string, number> = {};
  const refuses = (operationId: string, reply: Reply, what: string) => {
    seen[operationId] = reply.status;
    expectStatus(ctx, reply, statuses, what);
  };
  // Its own namespace per rule: a record another rule of this kind wrongly let in must not show here.
  const ns = ctx.namespace('permission');
  await ctx.property(
    fc.tuple(bodiesOf(ctx), bodiesOf(ctx)),
    async ([first, second]) => {
      const needsRecord = others.length > 0 || operations.some((name) => name !== 'create');
      const tag = ns.next();
      const id = needsRecord ? a.idOf(a.recordOf(await a.create({ ...first, [conform.record.tag.field]: tag }), conform.operations.create)) : '';
      if (operations.includes('create')) {
        const refused = ns.next();
        refuses(conform.operations.create, await lacking.create({ ...second, [conform.record.tag.field]: refused }), `${conform.operations.create} by ${without}`);
        const shown = ((await a.listByTag(refused)).records ?? []).map((r) => a.idOf(r));
        ctx.assert(shown.length === 0, `the refused ${conform.operations.create} stored a record`, { received: shown, expected: `no record with ${conform.record.tag.field} ${refused}` });
      }
      if (operations.includes('get')) refuses(conform.operations.get, await lacking.get(id), `${conform.operations.get} ${id} by ${without}`);
      if (operations.includes('list')) {
        refuses(conform.operations.list, await lacking.listByTag(tag), `${conform.operations.list} by ${conform.record.tag.field} by ${without}`);
        refuses(conform.operations.list, await lacking.call(conform.operations.list), `${conform.operations.list} unfiltered by ${without}`);
      }
      for (const { operationId, json } of others) refuses(operationId, await lacking.call(operationId, { id, json: withId(json, id) }), `${operationId} for record ${id} by ${without}`);
      if (operations.includes('update')) {
        const before = a.recordOf(await a.get(id), `${conform.operations.get} ${id}`);
        refuses(conform.operations.update, await lacking.update(id, { ...second, ...requiredOf(ctx, second) }), `${conform.operations.update} ${id} by ${without}`);
        const after = a.recordOf(await a.get(id), `${conform.operations.get} ${id}`);
        expectUnchanged(ctx, after, before, `the refused ${conform.operations.update} of record ${id}`);
      }
    },
    { runs },
  );
  const distinct = [...new Set(Object.values(seen))];
  if (params.observe === true) ctx.observe({ status: distinct.length === 1 ? distinct[0] : seen });
};
