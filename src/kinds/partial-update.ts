import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { isObject, OperationClient, type Data } from './operation-client.ts';
import { bodiesOf, requiredOf } from './record-bodies.ts';

/**
 * Fields an update omits keep their values, in the update's answer (those it carries) and in a
 * later get. The update sets a drawn, non-empty subset of another body's fields (and the fields
 * every write must carry, as stored). Only the omitted fields are judged, against the record as
 * stored before the update: what the update sets, and how a create stores, are other rules'.
 * Where x-conform says how an update applies a partial object (update.nestedObjects), an object
 * field is sent with a drawn subset of its fields; the fields it omits are judged only where
 * the object is merged.
 */
export const partialUpdate: Kind = async (ctx: CheckContext) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const { conform } = ctx.spec;
  if (!conform.update.partial) ctx.skip(`the x-conform of ${ctx.spec.spec.vendor} does not declare partial updates`);
  const ns = ctx.namespace('partial');
  const nested = conform.update.nestedObjects;
  const partOf = (value: unknown): fc.Arbitrary<unknown> =>
    nested !== undefined && isObject(value) && Object.keys(value).length > 1 ? fc.subarray(Object.keys(value), { minLength: 1 }).map((keys) => Object.fromEntries(keys.map((k) => [k, value[k]]))) : fc.constant(value);
  const cases = fc.tuple(bodiesOf(ctx), bodiesOf(ctx)).chain(([first, second]) =>
    fc
      .subarray(Object.keys(second), { minLength: Math.min(1, Object.keys(second).length) })
      .chain((keys) => fc.tuple(...keys.map((k) => partOf(second[k]))).map((values) => ({ first, change: Object.fromEntries(keys.map((k, i) => [k, values[i]])) as Data }))),
  );
  await ctx.property(cases, async ({ first, change }) => {
    const id = a.idOf(a.recordOf(await a.create({ ...first, [conform.record.tag.field]: ns.next() }), conform.operations.create));
    const before = a.recordOf(await a.get(id), `${conform.operations.get} ${id}`);
    const update = { ...requiredOf(ctx, before), ...change };
    const omitted = Object.keys(first).concat(conform.record.tag.field).filter((field) => !(field in update));
    const answered = a.recordOf(await a.update(id, update), `${conform.operations.update} ${id}`);
    const after = a.recordOf(await a.get(id), `${conform.operations.get} ${id}`);
    const sent = JSON.stringify(Object.keys(update));
    for (const field of omitted) {
      if (field in answered) keeps(ctx, answered, before, field, `${field}, omitted from an update of ${sent}, changed (in the update's answer)`);
      keeps(ctx, after, before, field, `${field}, omitted from an update of ${sent}, changed (a get after the update)`);
    }
    if (nested !== 'merge') return;
    for (const [field, value] of Object.entries(change)) {
      if (!isObject(value) || !isObject(before[field])) continue;
      for (const inner of Object.keys(before[field]).filter((k) => !(k in value))) {
        const what = `${field}.${inner}, omitted from an update of ${field}: ${JSON.stringify(Object.keys(value))}, changed`;
        if (isObject(answered[field])) keeps(ctx, answered[field], before[field], inner, `${what} (in the update's answer)`, `/${field}`);
        keeps(ctx, isObject(after[field]) ? after[field] : {}, before[field], inner, `${what} (a get after the update)`, `/${field}`);
      }
    }
  });
};

function keeps(ctx: CheckContext, record: Data, before: Data, field: string, message: string, parent = ''): void {
  // Absent and null both say "not set" where the docs do not tell them apart.
  const now = record[field] ?? null;
  const was = before[field] ?? null;
  ctx.assert(isDeepStrictEqual(now, was), message, { received: record[field], expected: before[field], pointer: `${parent}/${field}` });
}
