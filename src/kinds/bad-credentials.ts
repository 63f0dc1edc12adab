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
 * params.realKeyTries times (default once), each another kind of wrong secret, since a vendor
 * with lock-out counts those.
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
  const tries = typeof params.realKeyTries === 'number' ? params.realKeyTries : 1;
  for (const [how, secret] of wrongSecrets(ctx, a.role, real.secret).slice(0, tries)) {
    expectStatus(ctx, await a.call(conform.operations.get, { id, credentials: { id: real.id, secret } }), statuses, `${conform.operations.get} with the real key id and ${how}`);
  }
  await ctx.property(madeUp, async (credentials) => {
    expectStatus(ctx, await a.call(conform.operations.get, { id, credentials }), statuses, `${conform.operations.get} with key id ${JSON.stringify(credentials.id)}, which no account holds`);
  });
};

/** Kinds of wrong secret for the real key id, the likeliest slip first; each differs from the real one. */
function wrongSecrets(ctx: CheckContext, role: string, secret: string): [string, string][] {
  const { credentials } = ctx.spec.conform;
  const flipped = secret.toUpperCase() === secret ? secret.toLowerCase() : secret.toUpperCase();
  const others = Object.entries(credentials)
    .filter(([name, r]) => name !== role && ctx.config.env[r.secretVar])
    .map(([name, r]): [string, string] => [`the secret of ${name}`, ctx.config.env[r.secretVar]!]);
  const all: [string, string][] = [
    ['a wrong secret', `${secret}x`],
    ['an empty secret', ''],
    ['its secret with the last character changed', `${secret.slice(0, -1)}${secret.endsWith('x') ? 'y' : 'x'}`],
    ['its secret in the other case', flipped],
    ...others,
  ];
  return all.filter(([, s], i) => s !== secret && all.findIndex(([, t]) => t === s) === i);
}
