import fc from 'fast-check';
import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { isObject, OperationClient, type Data } from './operation-client.ts';
import { bodiesOf, nestedNullableFields, nullableFields, requiredOf } from './record-bodies.ts';

/**
 * A field sent as null in an update is cleared (absent or null afterwards) and stays cleared
 * through a later update that does not name it. The fields are those the update body's schema
 * lets be null, and where x-conform says how an update applies a partial object, the fields of
 * its object fields that may be null (address.city: sent as { address: { city: null } }, cleared
 * whether the object is merged or replaced); params.fields narrows them. Judged on gets: the
 * update answers are another rule's.
 */
export const nullClears: Kind = async (ctx: CheckContext, params) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const { conform } = ctx.spec;
  if (!conform.update.nullClears) ctx.skip(`the x-conform of ${ctx.spec.spec.vendor} does not declare that null clears`);
  const fields = Array.isArray(params.fields) ? (params.fields as string[]) : [...nullableFields(ctx), ...nestedNullableFields(ctx)];
  if (fields.length === 0) ctx.skip(`no field of ${conform.operations.update} accepts null`);
  const ns = ctx.namespace('null-clears');
  const cases = fc.record({ first: bodiesOf(ctx), filler: bodiesOf(ctx), later: bodiesOf(ctx), field: fc.constantFrom(...fields) });
  await ctx.property(cases, async ({ first, filler, later, field }) => {
    const path = field.split('.');
    // The field must hold a value before it can be cleared: an optional one the draw left out is filled from another body.
    const value = valueAt(first, path) ?? valueAt(filler, path);
    // A draw with no value to clear does not apply: it is skipped (fast-check draws another), never
    // counted as a passing run. A rule where no draw applies is skipped, saying so.
    fc.pre(value !== undefined && value !== null);
    const sent = { ...withAt(first, path, value), [conform.record.tag.field]: ns.next() };
    const id = a.idOf(a.recordOf(await a.create(sent), conform.operations.create));
    const cleared = (record: Data, when: string) => {
      const now = valueAt(record, path);
      ctx.assert(now === undefined || now === null, `${field} sent as null ${when} is ${JSON.stringify(now)}`, { received: record, expected: `${field} absent or null`, pointer: `/${path.join('/')}` });
    };
    a.recordOf(await a.update(id, { ...requiredOf(ctx, sent), ...withAt({}, path, null) }), `${conform.operations.update} ${id} with ${field}: null`);
    cleared(a.recordOf(await a.get(id), `${conform.operations.get} ${id}`), 'was not cleared (a get after the update)');
    a.recordOf(await a.update(id, { ...withoutAt(later, path), ...requiredOf(ctx, sent) }), `${conform.operations.update} ${id} without ${field}`);
    cleared(a.recordOf(await a.get(id), `${conform.operations.get} ${id}`), 'came back after a later update that does not name it');
  });
};

/** The value at a path of fields; undefined where a step is missing or not an object. */
function valueAt(record: Data, path: string[]): unknown {
  let at: unknown = record;
  for (const step of path) at = isObject(at) ? at[step] : undefined;
  return at;
}

/** A copy of `record` with `value` at the path (the objects on the way kept, or made). */
function withAt(record: Data, path: string[], value: unknown): Data {
  const [step, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) return { ...record, [step]: value };
  return { ...record, [step]: withAt(isObject(record[step]) ? record[step] : {}, rest, value) };
}

/** A copy of `record` without the path's last field (an object left empty is left out). */
function withoutAt(record: Data, path: string[]): Data {
  const [step, ...rest] = path as [string, ...string[]];
  const { [step]: inner, ...others } = record;
  if (rest.length === 0 || !isObject(inner)) return others;
  const kept = withoutAt(inner, rest);
  return Object.keys(kept).length === 0 ? others : { ...others, [step]: kept };
}
