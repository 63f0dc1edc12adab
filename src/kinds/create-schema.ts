import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { expectStatus, expectStored } from './judge.ts';
import { OperationClient } from './operation-client.ts';
import { statusesParam } from './operation-names.ts';
import { bodiesParam } from './record-bodies.ts';
import { skipIfRefused } from './skip-if-refused.ts';

/**
 * A create answers a success status (params.status, default 200 or 201) with a body valid against
 * the spec (the client validates every answer) that echoes every field sent. The bodies are
 * record-bodies' bodiesParam (params.bodies, params.subsets, params.examples). With params.observe
 * the statuses and id lengths seen are recorded: which success status, and the id's form, are open
 * in the docs.
 */
export const createSchema: Kind = async (ctx: CheckContext, params) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const { conform } = ctx.spec;
  const statuses = statusesParam(ctx, params, 'status', [200, 201]);
  const { bodies, examples } = bodiesParam(ctx, params);
  const seen = { status: new Set<number>(), idLength: new Set<number>() };
  const ns = ctx.namespace('create-schema');
  await ctx.property(
    bodies,
    async (body) => {
      const sent = { ...body, [conform.record.tag.field]: ns.next() };
      const reply = await a.create(sent);
      // With params.subsets, whether every subset must be accepted is its own rule.
      if (params.subsets === true) skipIfRefused(ctx, reply, `the create body ${JSON.stringify(Object.keys(body))}`);
      expectStatus(ctx, reply, statuses, conform.operations.create);
      const record = a.recordOf(reply, conform.operations.create);
      seen.status.add(reply.status);
      seen.idLength.add(a.idOf(record).length);
      expectStored(ctx, record, sent, `${conform.operations.create} does not echo what was sent`);
    },
    { examples },
  );
  if (params.observe === true) ctx.observe({ status: [...seen.status].sort(), idLength: [...seen.idLength].sort((x, y) => x - y) });
};
