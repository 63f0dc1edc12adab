import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { expectStatus, expectStored } from '../../src/kinds/judge.ts';
import { isObject, OperationClient, type Data } from '../../src/kinds/operation-client.ts';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { customerBodies } from '../../src/vendors/trustly/arbitraries.ts';
import type { TextStyle } from '../../src/generation/index.ts';

const body = (ctx: CheckContext, style: TextStyle = 'plain', complete = false) => customerBodies(ctx, { style, complete });
/** A value as a record holds it, a property without a value (null) left out of an object. */
const bare = (value: unknown) => (isObject(value) ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) : value);

/** Creates a customer from `body` with a fresh externalId, and reads it back as a get shows it. */
async function made(a: OperationClient, ns: TagNamespace, body: Data, what: string): Promise<Data> {
  const id = a.idOf(a.recordOf(await a.create({ ...body, externalId: ns.next() }), `creating ${what}`));
  return a.recordOf(await a.get(id), `GET /api/v1/customers/${id}`);
}

export const updateChecks = defineChecks('update', {
  // Rich text here: an update must store astral characters, combining marks and long names as
  // faithfully as a create.
  'trustly.customers.update.sets-fields': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'merchantA');
    const ns = new TagNamespace(ctx.tag, 'update-sets');
    await ctx.property(fc.tuple(body(ctx, 'rich'), body(ctx, 'rich')), async ([first, second]) => {
      const externalId = ns.next();
      const id = a.idOf(a.recordOf(await a.create({ ...first, externalId }), 'creating the customer to update'));
      const sent = { ...second, externalId };
      const what = `POST /api/v1/customers/${id}`;
      const updated = a.recordOf(await a.update(id, sent), what);
      expectStored(ctx, updated, sent, `${what} did not set every passed value`);
      ctx.assertEqual(updated, a.recordOf(await a.get(id), `GET /api/v1/customers/${id}`), `the response of ${what} is not the record as stored (a following GET)`);
    });
  },

  // The update page's own advice: get the customer, change a field, post the object back. The
  // object carries customerId, merchantId, createdAt and updatedAt as the get returned them; a
  // target that refuses them, or takes its timestamps from them, breaks the documented flow.
  'trustly.customers.update.post-back': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'merchantA');
    const ns = new TagNamespace(ctx.tag, 'post-back');
    // Any field the bodies carry: every documented one but the ids (externalId tags the record).
    await ctx.property(fc.tuple(body(ctx, 'plain', true), body(ctx, 'plain', true), fc.nat()), async ([first, second, pick]) => {
      const field = Object.keys(second)[pick % Object.keys(second).length]!;
      const got = await made(a, ns, first, 'the customer to post back');
      const id = a.idOf(got);
      const what = `posting back the fetched customer ${id} with ${field} changed`;
      // Every field as fetched, the one edit applied; only updatedAt may move.
      const edited = { ...structuredClone(got), [field]: second[field] };
      const { updatedAt: _moves, ...expected } = edited;
      const updated = a.recordOf(await a.update(id, edited), what);
      expectStored(ctx, updated, expected, `the response of ${what}`);
      expectStored(ctx, a.recordOf(await a.get(id), `GET /api/v1/customers/${id} after the post-back`), expected, `customer ${id} after ${what}`);
    });
  },

  // A body may name other customers: another customer's customerId or externalId (the seed's
  // example body carries a customerId). The path alone says which customer changes. A refusal
  // (4xx) is one documented reading of ids in the body; then nothing may change at all.
  'trustly.customers.update.path-wins': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'merchantA');
    const ns = new TagNamespace(ctx.tag, 'path-wins');
    const carried = fc.constantFrom('customerId', 'externalId', 'customerId and externalId');
    const answers = new Set<number>();
    // Three ways of naming the other customer, each tried several times within 15 runs.
    await ctx.property(fc.tuple(fc.tuple(body(ctx), body(ctx), body(ctx)), carried), async ([[firstBody, otherBody, change], which]) => {
      // Both as a get shows them: the baseline every later get is compared with.
      const target = await made(a, ns, firstBody, 'the customer the path names');
      const other = await made(a, ns, otherBody, 'the customer the body names');
      const [id, otherId] = [a.idOf(target), a.idOf(other)];
      const sent: Data = { ...change, externalId: target.externalId };
      if (which.includes('customerId')) sent.customerId = otherId;
      if (which.includes('externalId')) sent.externalId = other.externalId;
      const what = `POST /api/v1/customers/${id} with the ${which} of customer ${otherId}`;
      const reply = await a.update(id, sent);
      expectStatus(ctx, reply, [200, 400, 404], what);
      answers.add(reply.status);
      ctx.assertEqual(a.recordOf(await a.get(otherId), `GET /api/v1/customers/${otherId} after the ${what}`), other, `${what} changed customer ${otherId}, which the path does not name`);
      const targetAfter = a.recordOf(await a.get(id), `GET /api/v1/customers/${id} after the ${what}`);
      if (reply.status !== 200) return ctx.assertEqual(targetAfter, target, `${what} was refused with ${reply.status} but changed customer ${id}`);
      ctx.assertEqual(reply.record?.customerId, id, `${what} answered with another customer`);
      // The path's customer is the one that changed. Whether every passed value was set is
      // trustly.customers.update.sets-fields' matter; here it is enough that something was,
      // whenever the passed values differ from what it held.
      const news = Object.keys(change).filter((f) => !isDeepStrictEqual(bare(target[f]), bare(JSON.parse(JSON.stringify(change[f])))));
      const unchanged = isDeepStrictEqual({ ...targetAfter, updatedAt: 0 }, { ...target, updatedAt: 0 });
      ctx.assert(news.length === 0 || !unchanged, `${what} answered 200 but left customer ${id}, which the path names, unchanged`, {
        received: targetAfter,
        expected: Object.fromEntries(news.map((f) => [f, change[f]])),
      });
    }, { runs: ctx.runsAtMost(15) });
    ctx.observe({ bodyNamingAnotherCustomerAnsweredWith: [...answers].sort() });
  },
});
