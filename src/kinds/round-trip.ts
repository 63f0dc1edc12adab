import { isDeepStrictEqual } from 'node:util';
import type { CheckContext } from '../runner/check-context.ts';
import type { Schema } from '../generation/index.ts';
import type { Kind } from './kind.ts';
import { expectStored } from './judge.ts';
import { isObject, OperationClient, type Data } from './operation-client.ts';
import { bodiesParam, objectBranch, requestSchema } from './record-bodies.ts';
import { skipIfRefused } from './skip-if-refused.ts';
import { stampStepMs } from './stamp-step.ts';

/**
 * A get returns the record as created: the same id, and every field sent stored as sent; with
 * params.asCreated also the fields x-conform declares immutable and the two stamps (as instants)
 * that the create answered. The bodies are record-bodies' bodiesParam (params.bodies,
 * params.subsets, params.examples). With params.observe, what the docs leave open is recorded: how a field that
 * holds no value is written (left out, or null), how each answer spells the stamps' zone, and
 * whether any stamp had a part of a second (else the target's clock steps by whole seconds).
 */
export const roundTrip: Kind = async (ctx: CheckContext, params) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const { conform } = ctx.spec;
  const { bodies, examples } = bodiesParam(ctx, params);
  const stamps = [conform.record.timestamps.created, conform.record.timestamps.updated];
  const unset = new Set<string>();
  const zones: Record<string, Set<string>> = { [conform.operations.create]: new Set(), [conform.operations.get]: new Set() };
  // Whole seconds until a stamp shows a non-zero fraction: a clock's step, not the digits written.
  let wholeSeconds = true;
  const ns = ctx.namespace('round-trip');
  await ctx.property(
    bodies,
    async (body) => {
      // As sent on the wire: a property an arbitrary left undefined is not part of the body.
      const sent = JSON.parse(JSON.stringify({ ...body, [conform.record.tag.field]: ns.next() })) as Data;
      const reply = await a.create(sent);
      // With params.subsets, whether every subset must be accepted is its own rule.
      if (params.subsets === true) skipIfRefused(ctx, reply, `the create body ${JSON.stringify(Object.keys(body))}`);
      const created = a.recordOf(reply, conform.operations.create);
      const id = a.idOf(created);
      const got = a.recordOf(await a.get(id), `${conform.operations.get} ${id}`);
      ctx.assertEqual(got[conform.record.id], id, `${conform.operations.get} ${id} returned another record`);
      if (params.asCreated === true) {
        const shown = (record: Data) => ({
          ...Object.fromEntries(conform.record.immutable.map((f) => [f, record[f] ?? null])),
          ...Object.fromEntries(stamps.map(({ field, encoding }) => [field, encoding === 'rfc3339' && typeof record[field] === 'string' ? Date.parse(record[field]) : record[field]])),
        });
        ctx.assert(isDeepStrictEqual(shown(got), shown(created)), `${conform.operations.get} ${id} does not show the ids and stamps its create answered`, { received: got, expected: created });
      }
      expectStored(ctx, got, sent, `${conform.operations.get} ${id} does not return what was created`);
      if (params.observe !== true) return;
      const schema = requestSchema(ctx, conform.operations.create);
      for (const [operationId, record] of [[conform.operations.create, created], [conform.operations.get, got]] as const) {
        for (const spelling of unsetSpellings(schema, sent, record)) unset.add(spelling);
        for (const { field, encoding } of stamps) {
          if (encoding !== 'rfc3339') continue;
          zones[operationId]!.add(zoneSpelling(record[field]));
          if (stampStepMs(record[field]) < 1000) wholeSeconds = false;
        }
      }
    },
    { examples },
  );
  if (params.observe !== true) return;
  const rfc3339 = stamps.some((s) => s.encoding === 'rfc3339')
    ? { timeZone: Object.fromEntries(Object.entries(zones).map(([op, set]) => [op, [...set].sort()])), stampPrecision: wholeSeconds ? 'whole seconds' : 'sub-second' }
    : {};
  ctx.observe({ unsetFields: [...unset].sort(), ...rfc3339 });
};

/**
 * How a record writes the fields of the create schema that were not sent: left out, or null.
 * An object field that was sent is looked into the same way, by its own schema's fields.
 */
function unsetSpellings(schema: Schema, sent: Data, record: Data): Set<string> {
  const seen = new Set<string>();
  for (const [field, sub] of Object.entries(schema.properties ?? {})) {
    if (!(field in sent)) {
      if (!(field in record)) seen.add('left out');
      else if (record[field] === null) seen.add('null');
    } else if (isObject(sent[field]) && isObject(record[field])) {
      for (const spelling of unsetSpellings(objectBranch(sub), sent[field], record[field])) seen.add(spelling);
    }
  }
  return seen;
}

/** How a date-time spells its zone: Z, or the offset as written. */
function zoneSpelling(value: unknown): string {
  const match = typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? /([Zz]|[+-]\d\d:\d\d)$/.exec(value) : null;
  return match ? match[1]! : 'not RFC 3339';
}
