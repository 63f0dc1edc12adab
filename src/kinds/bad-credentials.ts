import fc from 'fast-check';
import type { CheckContext } from '../runner/check-context.ts';
import { TagNamespace } from '../runner/tag-namespace.ts';
import type { Kind } from './kind.ts';
import { expectStatus } from './judge.ts';
import { OperationClient } from './operation-client.ts';
import { statusesParam } from './operation-names.ts';
import { bodiesOf } from './record-bodies.ts';

/**
 * Credentials that are not the account's are refused (params.status, default 401): made-up key
 * ids with any secret, for the breadth; the account's real key id with a wrong secret only
 * once, since a vendor with lock-out counts those.
 */
export const badCredentials: Kind = async (ctx: CheckContext, params) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const statuses = statusesParam(ctx, params, 'status', [401]);
  const { conform } = ctx.spec;
  const real = a.credentials;
  const ns = new TagNamespace(ctx.tag, 'bad-credentials');
  const [body] = fc.sample(bodiesOf(ctx), { seed: ctx.seed, numRuns: 1 });
  const id = a.idOf(a.recordOf(await a.create({ ...body, [conform.record.tag.field]: ns.next() }), conform.operations.create));
  const known = new Set(Object.values(conform.credentials).map((role) => ctx.config.env[role.idVar]));
  const madeUp = fc.record({ id: fc.stringMatching(/^[A-Za-z0-9-]{1,40}$/).filter((k) => !known.has(k)), secret: fc.string({ maxLength: 40 }) });
  const wrongSecret = { id: real.id, secret: `${real.secret}x` };
  expectStatus(ctx, await a.call(conform.operations.get, { id, credentials: wrongSecret }), statuses, `${conform.operations.get} with the real key id and a wrong secret`);
  await ctx.property(madeUp, async (credentials) => {
    expectStatus(ctx, await a.call(conform.operations.get, { id, credentials }), statuses, `${conform.operations.get} with key id ${JSON.stringify(credentials.id)}, which no account holds`);
  });
};
