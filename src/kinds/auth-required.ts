import fc from 'fast-check';
import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { expectStatus, expectUnchanged } from './judge.ts';
import { OperationClient } from './operation-client.ts';
import { operationsParam, othersParam, statusesParam, withId } from './operation-names.ts';
import { bodiesOf, requiredOf } from './record-bodies.ts';

/**
 * A request without credentials is refused (params.status, default 401) on every operation
 * (params.operations, default all four; params.others adds operations of the spec by id, each
 * with its body, where the string "{id}" stands for the record's id), the record it names reads as
 * before, and the refused create stored nothing (its tag lists no record). Beside the request with
 * no Authorization header, each of params.authorizations (default none) is sent as one: headers
 * that carry no usable credentials (an empty scheme, another scheme).
 */
export const authRequired: Kind = async (ctx: CheckContext, params) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const statuses = statusesParam(ctx, params, 'status', [401]);
  const { conform } = ctx.spec;
  const ns = ctx.namespace('auth-required');
  const [body, other] = fc.sample(fc.tuple(bodiesOf(ctx), bodiesOf(ctx)), { seed: ctx.seed, numRuns: 1 })[0]!;
  const sent = { ...body, [conform.record.tag.field]: ns.next() };
  const record = a.recordOf(await a.create(sent), `${conform.operations.create} (the record the unsigned requests name)`);
  const id = a.idOf(record);
  // Judged against the record as read before: how it was stored is other rules'.
  const before = a.recordOf(await a.get(id), `${conform.operations.get} ${id}`);
  const update = { ...other, ...requiredOf(ctx, other) };
  const authorizations = Array.isArray(params.authorizations) ? params.authorizations.map(String) : [];
  const operations = operationsParam(ctx, params, ['create', 'get', 'update', 'list']);
  const refusedCreate = operations.includes('create') ? ns.next() : undefined;
  for (const name of operations) {
    const operationId = conform.operations[name];
    for (const authorization of [undefined, ...authorizations]) {
      const reply = await a.call(operationId, {
        credentials: null,
        id,
        ...(authorization === undefined ? {} : { headers: { authorization } }),
        ...(name === 'create' ? { json: { ...other, [conform.record.tag.field]: refusedCreate } } : name === 'update' ? { json: update } : {}),
        ...(name === 'list' && conform.record.tag.listFilter ? { query: { [conform.record.tag.listFilter]: String(sent[conform.record.tag.field]) } } : {}),
      });
      expectStatus(ctx, reply, statuses, `${operationId} ${authorization === undefined ? 'without credentials' : `with the Authorization header ${JSON.stringify(authorization)}`}`);
    }
  }
  for (const { operationId, json } of othersParam(ctx, params)) {
    expectStatus(ctx, await a.call(operationId, { credentials: null, id, json: withId(json, id) }), statuses, `${operationId} without credentials`);
  }
  if (refusedCreate !== undefined && conform.record.tag.listFilter !== undefined) {
    const listed = await a.listByTag(refusedCreate);
    const shown = (listed.records ?? []).map((r) => a.idOf(r));
    ctx.assert(shown.length === 0, `the unsigned ${conform.operations.create} stored a record`, { received: shown, expected: `no record with ${conform.record.tag.field} ${refusedCreate}` });
  }
  expectUnchanged(ctx, a.recordOf(await a.get(id), `${conform.operations.get} ${id}`), before, `a request without credentials to record ${id}`);
};

