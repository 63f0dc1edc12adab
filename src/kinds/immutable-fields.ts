import fc from 'fast-check';
import type { CheckContext } from '../harness/check-context.ts';
import { isDeepStrictEqual } from 'node:util';
import { TagNamespace } from '../harness/tag-namespace.ts';
import type { Kind } from './kind.ts';
import { OperationClient } from './operation-client.ts';
import { bodiesOf, requiredOf } from './record-bodies.ts';

/** The fields x-conform declares immutable (params.fields narrows them) keep their created values through an update. */
export const immutableFields: Kind = async (ctx: CheckContext, params) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const { conform } = ctx.spec;
  const fields = Array.isArray(params.fields) ? (params.fields as string[]) : conform.record.immutable;
  const ns = new TagNamespace(ctx.tag, 'immutable');
  await ctx.property(fc.tuple(bodiesOf(ctx), bodiesOf(ctx)), async ([first, second]) => {
    const sent = { ...first, [conform.record.tag.field]: ns.next() };
    const created = a.recordOf(await a.create(sent), conform.operations.create);
    const id = a.idOf(created);
    const answered = a.recordOf(await a.update(id, { ...second, ...requiredOf(ctx, second) }), `${conform.operations.update} ${id}`);
    const got = a.recordOf(await a.get(id), `${conform.operations.get} ${id}`);
    for (const [where, record] of [['the update answer', answered], ['a get after the update', got]] as const) {
      for (const field of fields) {
        ctx.assert(isDeepStrictEqual(record[field], created[field]), `${field} changed on update (${where})`, { received: record[field], expected: created[field], pointer: `/${field}` });
      }
    }
  });
};
