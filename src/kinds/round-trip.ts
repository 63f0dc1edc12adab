import { TagNamespace } from '../runner/tag-namespace.ts';
import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { expectStored } from './judge.ts';
import { OperationClient, type Data } from './operation-client.ts';
import { bodiesOf, optionalFields } from './record-bodies.ts';

/**
 * A get returns the record as created: the same id, and every field sent stored as sent
 * (params.bodies: see record-bodies.ts). With params.observeUnset, records under that name how
 * the answers spell an optional field that holds no value ('left out' or 'null'), which the docs
 * may leave open.
 */
export const roundTrip: Kind = async (ctx: CheckContext, params) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const { conform } = ctx.spec;
  const ns = new TagNamespace(ctx.tag, 'round-trip');
  const optional = typeof params.observeUnset === 'string' ? optionalFields(ctx) : [];
  const unset = new Set<string>();
  const spell = (sent: Data, answer: Data) => {
    for (const field of optional) {
      if (sent[field] !== undefined) continue;
      if (!(field in answer)) unset.add('left out');
      else if (answer[field] === null) unset.add('null');
    }
  };
  await ctx.property(bodiesOf(ctx, params), async (body) => {
    const sent = JSON.parse(JSON.stringify({ ...body, [conform.record.tag.field]: ns.next() })) as Data;
    const created = a.recordOf(await a.create(sent), conform.operations.create);
    const id = a.idOf(created);
    const got = a.recordOf(await a.get(id), `${conform.operations.get} ${id}`);
    ctx.assertEqual(got[conform.record.id], id, `${conform.operations.get} ${id} returned another record`);
    spell(sent, created);
    spell(sent, got);
    expectStored(ctx, got, sent, `${conform.operations.get} ${id} does not return what was created`);
  });
  if (typeof params.observeUnset === 'string') ctx.observe({ [params.observeUnset]: [...unset].sort() });
};
