import fc from 'fast-check';
import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { OperationClient, type Data } from './operation-client.ts';
import { bodiesOf } from './record-bodies.ts';
import { skipIfRefused } from './skip-if-refused.ts';

/**
 * Creates are never deduplicated: the same body created two or three times gives as many records,
 * each with its own id, each read back by a get as itself (its tag). Then, past params.distinct
 * creates in all (default 64; a small id space collides only after a few dozen), no id is ever
 * given twice. A body the target refuses is the create rules' to judge: another is drawn.
 */
export const distinctIds: Kind = async (ctx: CheckContext, params) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const { conform } = ctx.spec;
  const field = conform.record.tag.field;
  const distinct = typeof params.distinct === 'number' ? params.distinct : 64;
  const seen = new Map<string, unknown>();
  const create = async (body: Data) => {
    const reply = await a.create(body);
    skipIfRefused(ctx, reply, `the create body ${JSON.stringify(body).slice(0, 200)}`);
    return a.idOf(a.recordOf(reply, conform.operations.create));
  };
  const remember = (id: string, tag: unknown) => {
    ctx.assert(!seen.has(id), `${conform.operations.create} returned id ${id}, which an earlier create of this rule already returned`, { received: id, expected: `an id other than the ${seen.size} already given` });
    seen.set(id, tag);
  };
  const expectOwn = async (id: string, tag: unknown) => {
    const got = a.recordOf(await a.get(id), `${conform.operations.get} of ${id}, which ${conform.operations.create} returned`);
    ctx.assertEqual({ id: got[conform.record.id], [field]: got[field] }, { id, [field]: tag }, `${conform.operations.get} ${id} must return that record, not another`);
  };
  const ns = ctx.namespace('dup');
  await ctx.property(fc.tuple(bodiesOf(ctx), fc.integer({ min: 2, max: 3 })), async ([template, copies]) => {
    // The same body each time, tag included: only the store can tell the records apart.
    const body = { ...template, [field]: ns.next() };
    const made: string[] = [];
    for (let i = 0; i < copies; i++) made.push(await create(body));
    ctx.assertEqual(new Set(made).size, copies, `the same body created ${copies} times must yield ${copies} different ids`);
    for (const id of made) remember(id, body[field]);
    for (const id of made) await expectOwn(id, body[field]);
  });
  const bulk = ctx.namespace('dup-bulk');
  while (seen.size < distinct) {
    const tag = bulk.next();
    remember(await create({ [field]: tag }), tag);
  }
  for (const [id, tag] of seen) await expectOwn(id, tag);
};
