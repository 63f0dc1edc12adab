import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { expectStatus } from './judge.ts';
import { OperationClient } from './operation-client.ts';
import { statusesParam } from './operation-names.ts';
import { bodiesParam, requestSchema } from './record-bodies.ts';

/**
 * A create accepts (params.status, default 200 or 201) the empty body, when its schema requires
 * no field, and any subset of the fields (the required ones kept); params.examples adds bodies
 * every run tries first. What the create stores is other rules'.
 */
export const createSubsets: Kind = async (ctx: CheckContext, params) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const { conform } = ctx.spec;
  const statuses = statusesParam(ctx, params, 'status', [200, 201]);
  const { bodies, examples } = bodiesParam(ctx, { ...params, subsets: true });
  // `{}` is the one body sent without the run's tag: the rule is about exactly that body.
  if ((requestSchema(ctx, conform.operations.create).required ?? []).length === 0) {
    expectStatus(ctx, await a.create({}), statuses, `${conform.operations.create} of an empty body`);
  }
  const ns = ctx.namespace('create-subsets');
  await ctx.property(
    bodies,
    async (body) => {
      expectStatus(ctx, await a.create({ ...body, [conform.record.tag.field]: ns.next() }), statuses, `${conform.operations.create} of ${JSON.stringify(Object.keys(body))}`);
    },
    { examples },
  );
};
