import fc from 'fast-check';
import type { CheckContext } from '../harness/check-context.ts';
import { TagNamespace } from '../harness/tag-namespace.ts';
import type { Kind } from './kind.ts';
import { expectStored } from './judge.ts';
import { OperationClient, type Data } from './operation-client.ts';
import { bodiesOf, requiredOf } from './record-bodies.ts';

/**
 * Fields an update omits keep their values, in the update's answer and in a later get. The
 * update sets a drawn, non-empty subset of another body's fields (and the fields every write
 * must carry, as stored); only the omitted ones are judged: what the update sets is another rule's.
 */
export const partialUpdate: Kind = async (ctx: CheckContext) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const { conform } = ctx.spec;
  if (!conform.update.partial) ctx.skip(`the x-conform of ${ctx.spec.spec.vendor} does not declare partial updates`);
  const ns = new TagNamespace(ctx.tag, 'partial');
  const cases = fc.tuple(bodiesOf(ctx), bodiesOf(ctx)).chain(([first, second]) =>
    fc.subarray(Object.keys(second), { minLength: Math.min(1, Object.keys(second).length) }).map((keys) => ({ first, change: Object.fromEntries(keys.map((k) => [k, second[k]])) as Data })),
  );
  await ctx.property(cases, async ({ first, change }) => {
    const sent = { ...first, [conform.record.tag.field]: ns.next() };
    const id = a.idOf(a.recordOf(await a.create(sent), conform.operations.create));
    const update = { ...requiredOf(ctx, sent), ...change };
    const kept = Object.fromEntries(Object.entries(sent).filter(([field]) => !(field in update)));
    const answered = a.recordOf(await a.update(id, update), `${conform.operations.update} ${id}`);
    expectStored(ctx, answered, kept, `${conform.operations.update} ${id} with ${JSON.stringify(Object.keys(update))} changed a field it did not send (its answer)`);
    const got = a.recordOf(await a.get(id), `${conform.operations.get} ${id}`);
    expectStored(ctx, got, kept, `${conform.operations.update} ${id} with ${JSON.stringify(Object.keys(update))} changed a field it did not send`);
  });
};
