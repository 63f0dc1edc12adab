import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import type { CheckContext } from '../runner/check-context.ts';
import { TagNamespace } from '../runner/tag-namespace.ts';
import type { Kind } from './kind.ts';
import { isObject, OperationClient, type Data } from './operation-client.ts';
import { bodiesOf, requestSchema, requiredOf } from './record-bodies.ts';

/**
 * An update's answer shows the record as stored after the update, as a get then reads it: its id,
 * its stamps (as instants: one time may be spelt two ways), and every documented field it carries
 * (the create schema's, and x-conform's immutable ones). An answer may leave fields out, and
 * absent and null alike say "not set". The update sets every field of another drawn body.
 */
export const updateAnswer: Kind = async (ctx: CheckContext) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const { conform } = ctx.spec;
  const stamps = new Map([conform.record.timestamps.created, conform.record.timestamps.updated].map((s) => [s.field, s.encoding]));
  const fields = [conform.record.id, ...stamps.keys(), ...conform.record.immutable, ...Object.keys(requestSchema(ctx, conform.operations.create).properties ?? {})];
  const shown = (record: Data, field: string) =>
    stamps.get(field) === 'rfc3339' && typeof record[field] === 'string' ? Date.parse(record[field]) : withoutNulls(record[field]);
  const ns = new TagNamespace(ctx.tag, 'update-answer');
  await ctx.property(fc.tuple(bodiesOf(ctx), bodiesOf(ctx)), async ([first, second]) => {
    const id = a.idOf(a.recordOf(await a.create({ ...first, [conform.record.tag.field]: ns.next() }), conform.operations.create));
    const before = a.recordOf(await a.get(id), `${conform.operations.get} ${id}`);
    const answer = a.recordOf(await a.update(id, { ...requiredOf(ctx, before), ...second }), `${conform.operations.update} ${id}`);
    const stored = a.recordOf(await a.get(id), `${conform.operations.get} ${id}`);
    for (const field of new Set(fields)) {
      if (!(field in answer) && field !== conform.record.id) continue;
      ctx.assert(isDeepStrictEqual(shown(answer, field), shown(stored, field)), `the ${conform.operations.update} answer's ${field} is not the value stored after the update (as a get then shows it)`, {
        received: answer[field],
        expected: stored[field],
        pointer: `/${field}`,
      });
    }
  });
};

/** A value with every null property left out, at any depth: null and absent alike say "not set". */
function withoutNulls(value: unknown): unknown {
  if (!isObject(value)) return value ?? null;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
}
