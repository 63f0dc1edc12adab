import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { expectStatus } from './judge.ts';
import { OperationClient, type Data } from './operation-client.ts';
import { statusesParam } from './operation-names.ts';
import { bodiesOf, requiredOf } from './record-bodies.ts';

/**
 * The fields x-conform declares immutable (params.fields narrows them) keep their created values
 * through an update: in its answer (those it carries) and in a later get. With params.sendOthers
 * the update body carries other values for them too (a schema that does not forbid them lets a
 * client send them); params.status lists the answers allowed (default 200; a 400 refusing the
 * read-only fields is as good as ignoring them, where the rule says so), params.othersPattern the
 * shape of the other values (a regex; default any 12 to 36 letters, digits and dashes), and
 * params.observe the name under which the statuses the updates got are recorded.
 */
export const immutableFields: Kind = async (ctx: CheckContext, params) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const { conform } = ctx.spec;
  const fields = Array.isArray(params.fields) ? (params.fields as string[]) : conform.record.immutable;
  const statuses = statusesParam(ctx, params, 'status', [200]);
  const pattern = typeof params.othersPattern === 'string' ? new RegExp(params.othersPattern) : /^[A-Za-z0-9-]{12,36}$/;
  const others = params.sendOthers === true ? fc.dictionary(fc.constantFrom(...fields), fc.stringMatching(pattern), { maxKeys: fields.length }) : fc.constant({});
  const answers = new Set<number>();
  const ns = ctx.namespace('immutable');
  await ctx.property(fc.tuple(bodiesOf(ctx), bodiesOf(ctx), others), async ([first, second, sneaky]) => {
    const created = a.recordOf(await a.create({ ...first, [conform.record.tag.field]: ns.next() }), conform.operations.create);
    const id = a.idOf(created);
    const reply = await a.update(id, { ...second, ...requiredOf(ctx, second), ...sneaky });
    answers.add(reply.status);
    expectStatus(ctx, reply, statuses, `${conform.operations.update} ${id}${Object.keys(sneaky).length ? ` carrying ${JSON.stringify(sneaky)}` : ''}`);
    const keeps = (record: Data, where: string, onlyCarried: boolean) => {
      for (const field of fields) {
        if (onlyCarried && !(field in record)) continue;
        ctx.assert(isDeepStrictEqual(record[field] ?? null, created[field] ?? null), `${field} changed on update (${where})`, { received: record[field], expected: created[field], pointer: `/${field}` });
      }
    };
    if (reply.record) keeps(reply.record, 'the update answer', true);
    keeps(a.recordOf(await a.get(id), `${conform.operations.get} ${id} after the update`), 'a get after the update', false);
  });
  if (typeof params.observe === 'string') ctx.observe({ [params.observe]: [...answers].sort((x, y) => x - y) });
};
