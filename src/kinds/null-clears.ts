import fc from 'fast-check';
import type { CheckContext } from '../runner/check-context.ts';
import { TagNamespace } from '../runner/tag-namespace.ts';
import type { Kind } from './kind.ts';
import { expectStored } from './judge.ts';
import { OperationClient } from './operation-client.ts';
import { bodiesOf, nullableFields, requiredOf } from './record-bodies.ts';

/**
 * A field sent as null in an update is cleared (absent or null afterwards) and stays cleared
 * through a later update that does not name it. The fields are those the update body's schema
 * lets be null (params.fields narrows them). Judged on gets: the update answers are another rule's.
 */
export const nullClears: Kind = async (ctx: CheckContext, params) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const { conform } = ctx.spec;
  if (!conform.update.nullClears) ctx.skip(`the x-conform of ${ctx.spec.spec.vendor} does not declare that null clears`);
  const fields = Array.isArray(params.fields) ? (params.fields as string[]) : nullableFields(ctx);
  if (fields.length === 0) ctx.skip(`no field of ${conform.operations.update} accepts null`);
  const ns = new TagNamespace(ctx.tag, 'null-clears');
  const cases = fc.record({ first: bodiesOf(ctx), filler: bodiesOf(ctx), later: bodiesOf(ctx), field: fc.constantFrom(...fields) });
  await ctx.property(cases, async ({ first, filler, later, field }) => {
    // The field must hold a value before it can be cleared: an optional one the draw left out is filled from another body.
    const value = first[field] ?? filler[field];
    if (value === undefined) return;
    const sent = { ...first, [field]: value, [conform.record.tag.field]: ns.next() };
    const id = a.idOf(a.recordOf(await a.create(sent), conform.operations.create));
    a.recordOf(await a.update(id, { ...requiredOf(ctx, sent), [field]: null }), `${conform.operations.update} ${id} with ${field}: null`);
    expectStored(ctx, a.recordOf(await a.get(id), `${conform.operations.get} ${id}`), { [field]: null }, `${field} sent as null was not cleared (a get after the update)`);
    const { [field]: _left, ...untouched } = later;
    a.recordOf(await a.update(id, { ...untouched, ...requiredOf(ctx, sent) }), `${conform.operations.update} ${id} without ${field}`);
    expectStored(ctx, a.recordOf(await a.get(id), `${conform.operations.get} ${id}`), { [field]: null }, `${field} sent as null came back after a later update that does not name it`);
  });
};
