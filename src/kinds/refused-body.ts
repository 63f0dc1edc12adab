import fc from 'fast-check';
import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { expectStatus } from './judge.ts';
import { OperationClient, type Data, type Reply } from './operation-client.ts';
import { statusesParam } from './operation-names.ts';
import { bodiesOf } from './record-bodies.ts';
import { listedRecords } from './listed.ts';
import { brokenBodies, rawBodies, type Broken } from './broken-bodies.ts';

const ROUTES = ['create', 'update', 'upsert'] as const;
type Route = (typeof ROUTES)[number];

/**
 * A body the create operation's request schema refuses gets one of params.status (default 400)
 * on every route of params.routes: create, update (by id), upsert (a create carrying an existing
 * record's tag, where x-conform names it an upsert key). Which bodies, params.mutations,
 * params.pointers, params.values and params.raw say (broken-bodies.ts); params.every tries every
 * one in each run, else each run draws one. With params.unchanged nothing is stored or changed: a
 * list by the run's tag shows no record the refused creates carried it in, and the record the
 * updates and upserts aimed at reads as before. With params.tagOnUpdate an update carries the
 * record's tag too (where a reading of the docs requires it on every write, a body without it
 * could be refused for that alone). params.runsDividedBy divides the runs (a run of params.every
 * sends many bodies).
 */
export const refusedBody: Kind = async (ctx: CheckContext, params) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const { conform } = ctx.spec;
  const tag = conform.record.tag.field;
  const statuses = statusesParam(ctx, params, 'status', [400]);
  const routes = routesParam(ctx, params);
  if (routes.includes('upsert') && !conform.update.upsertKeys?.includes(tag)) throw new Error(`${ctx.rule}: route upsert needs ${tag} among x-conform's update.upsertKeys`);
  // One namespace per rule: the kind judges several rules of a run, and a record one of them let
  // through must not show in another's list.
  const ns = ctx.namespace('refused');
  const [seed] = fc.sample(bodiesOf(ctx), { seed: ctx.seed, numRuns: 1 });
  const target = routes.some((r) => r !== 'create') ? a.recordOf(await a.create({ ...seed, [tag]: ns.next() }), conform.operations.create) : undefined;
  const id = target && a.idOf(target);

  const send = (route: Route, broken: Broken, fresh: string): Promise<Reply> => {
    const tagged = route === 'create' ? { [tag]: fresh } : route === 'upsert' || params.tagOnUpdate === true ? { [tag]: target![tag] } : {};
    const json = broken.raw === undefined && { ...(broken.json as Data), ...tagged };
    const operationId = route === 'update' ? conform.operations.update : conform.operations.create;
    return a.call(operationId, { ...(route === 'update' ? { id } : {}), ...(json ? { json } : { rawBody: broken.raw }) });
  };

  /** Sends every body by every route, and with params.unchanged judges what the target holds after. */
  const refuse = async (bodies: Broken[], fresh: string, on: readonly Route[]): Promise<void> => {
    const before = params.unchanged === true && id !== undefined ? a.recordOf(await a.get(id), `${conform.operations.get} ${id} before the refused writes`) : undefined;
    for (const broken of bodies) {
      for (const route of on) expectStatus(ctx, await send(route, broken, fresh), statuses, `${route === 'update' ? conform.operations.update : conform.operations.create} (${route}) with ${broken.what}`);
    }
    if (params.unchanged !== true) return;
    if (on.includes('create')) {
      const stored = listedRecords(ctx, await a.listByTag(fresh), `${conform.operations.list} by the refused creates' ${tag} ${fresh}`);
      // Stored after all: they are the run's records, and the ledger must hold them.
      for (const record of stored) ctx.noteCreated(a.idOf(record), a.role);
      ctx.assert(stored.length === 0, `a refused create stored a record with ${tag} ${fresh}`, { received: stored, expected: [] });
    }
    if (before) ctx.assertEqual(a.recordOf(await a.get(id!), `${conform.operations.get} ${id} after the refused writes`), before, `a refused write changed record ${id}`);
  };

  if (params.raw === true) {
    const fresh = ns.next();
    await refuse(rawBodies({ ...seed, [tag]: fresh }), fresh, routes.filter((r) => r !== 'upsert'));
  }
  const { bodies, examples } = brokenBodies(ctx, params, bodiesOf(ctx));
  const divisor = typeof params.runsDividedBy === 'number' ? params.runsDividedBy : 1;
  await ctx.property(bodies, (drawn) => refuse(drawn, ns.next(), routes), { runs: Math.max(1, Math.ceil(ctx.runs / divisor)), examples });
};

function routesParam(ctx: CheckContext, params: Record<string, unknown>): Route[] {
  const given = params.routes ?? ['create', 'update'];
  if (!Array.isArray(given) || given.length === 0 || !given.every((r): r is Route => ROUTES.includes(r as Route))) {
    throw new Error(`${ctx.rule}: params.routes must list some of ${ROUTES.join(', ')}, not ${JSON.stringify(given)}`);
  }
  return given;
}
