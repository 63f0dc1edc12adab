import fc from 'fast-check';
import type { CheckContext } from '../runner/check-context.ts';
import { TagNamespace } from '../runner/tag-namespace.ts';
import type { Kind } from './kind.ts';
import { expectStatus, expectStored } from './judge.ts';
import { OperationClient } from './operation-client.ts';
import { operationsParam, statusesParam } from './operation-names.ts';
import { bodiesOf, requiredOf } from './record-bodies.ts';

/**
 * A request without credentials is refused (params.status, default 401) on every operation
 * (params.operations, default all four), and the record it names is left as it was. Beside the
 * request with no Authorization header, each of params.authorizations (default none) is sent as
 * one: headers that carry no usable credentials (an empty scheme, another scheme).
 */
export const authRequired: Kind = async (ctx: CheckContext, params) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const statuses = statusesParam(ctx, params, 'status', [401]);
  const { conform } = ctx.spec;
  const ns = new TagNamespace(ctx.tag, 'auth-required');
  const [body, other] = fc.sample(fc.tuple(bodiesOf(ctx), bodiesOf(ctx)), { seed: ctx.seed, numRuns: 1 })[0]!;
  const sent = { ...body, [conform.record.tag.field]: ns.next() };
  const record = a.recordOf(await a.create(sent), `${conform.operations.create} (the record the unsigned requests name)`);
  const id = a.idOf(record);
  const update = { ...other, ...requiredOf(ctx, other) };
  const authorizations = Array.isArray(params.authorizations) ? params.authorizations.map(String) : [];
  for (const name of operationsParam(ctx, params, ['create', 'get', 'update', 'list'])) {
    const operationId = conform.operations[name];
    for (const authorization of [undefined, ...authorizations]) {
      const reply = await a.call(operationId, {
        credentials: null,
        id,
        ...(authorization === undefined ? {} : { headers: { authorization } }),
        ...(name === 'create' ? { json: { ...other, [conform.record.tag.field]: ns.next() } } : name === 'update' ? { json: update } : {}),
        ...(name === 'list' && conform.record.tag.listFilter ? { query: { [conform.record.tag.listFilter]: String(sent[conform.record.tag.field]) } } : {}),
      });
      expectStatus(ctx, reply, statuses, `${operationId} ${authorization === undefined ? 'without credentials' : `with the Authorization header ${JSON.stringify(authorization)}`}`);
    }
  }
  expectStored(ctx, a.recordOf(await a.get(id), `${conform.operations.get} ${id}`), sent, `the unsigned requests changed record ${id}`);
};
