import { TagNamespace } from '../runner/tag-namespace.ts';
import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { expectStatus, expectStored } from './judge.ts';
import { OperationClient } from './operation-client.ts';
import { statusesParam } from './operation-names.ts';
import { bodiesOf } from './record-bodies.ts';

/**
 * A create answers a success status (params.status, default 200 or 201) with a body valid against
 * the spec (the client validates every answer) that echoes every field sent (params.bodies: see
 * record-bodies.ts).
 */
export const createSchema: Kind = async (ctx: CheckContext, params) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const { conform } = ctx.spec;
  const statuses = statusesParam(ctx, params, 'status', [200, 201]);
  const ns = new TagNamespace(ctx.tag, 'create-schema');
  await ctx.property(bodiesOf(ctx, params), async (body) => {
    const sent = { ...body, [conform.record.tag.field]: ns.next() };
    const reply = await a.create(sent);
    expectStatus(ctx, reply, statuses, conform.operations.create);
    expectStored(ctx, a.recordOf(reply, conform.operations.create), sent, `${conform.operations.create} does not echo what was sent`);
  });
};
