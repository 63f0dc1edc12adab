import { TagNamespace } from '../runner/tag-namespace.ts';
import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { expectStored } from './judge.ts';
import { OperationClient } from './operation-client.ts';
import { bodiesOf } from './record-bodies.ts';

/** A get returns the record as created: the same id, and every field sent stored as sent. */
export const roundTrip: Kind = async (ctx: CheckContext) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const { conform } = ctx.spec;
  const ns = new TagNamespace(ctx.tag, 'round-trip');
  await ctx.property(bodiesOf(ctx), async (body) => {
    const sent = { ...body, [conform.record.tag.field]: ns.next() };
    const id = a.idOf(a.recordOf(await a.create(sent), conform.operations.create));
    const got = a.recordOf(await a.get(id), `${conform.operations.get} ${id}`);
    ctx.assertEqual(got[conform.record.id], id, `${conform.operations.get} ${id} returned another record`);
    expectStored(ctx, got, sent, `${conform.operations.get} ${id} does not return what was created`);
  });
};
