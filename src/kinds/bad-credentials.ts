import fc from 'fast-check';
import type { SignableRequest, Signer } from '../auth/signer.ts';
import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { expectStatus, expectUnchanged } from './judge.ts';
import { OperationClient, type Reply } from './operation-client.ts';
import { statusesParam } from './operation-names.ts';
import { bodiesOf, requiredOf } from './record-bodies.ts';
import { skewedSigner } from './skewed-signer.ts';

const VARIANTS = ['wrong-secret', 'made-up-key', 'altered-body', 'altered-path', 'stale', 'future'] as const;
type Variant = (typeof VARIANTS)[number];

/**
 * Credentials that are not the account's, or a signature that does not match the request, are
 * refused (params.status, default 401). params.variants names what is sent (default wrong-secret
 * and made-up-key): made-up key ids with any secret, for the breadth; and with the account's real
 * key id, each once, since a vendor with lock-out counts those: a wrong secret (params.realKeyTries
 * times, default once, each another kind of wrong secret), a body or a path changed after signing,
 * a signature an hour old (stale) or an hour ahead (future). A refused request leaves the record it
 * names as it read before.
 */
export const badCredentials: Kind = async (ctx: CheckContext, params) => {
  const a = new OperationClient(ctx, ctx.spec.conform.scope.primary);
  const statuses = statusesParam(ctx, params, 'status', [401]);
  const variants = variantsParam(ctx, params);
  const { conform } = ctx.spec;
  const real = a.credentials;
  const ns = ctx.namespace('bad-credentials');
  const [body, other] = fc.sample(fc.tuple(bodiesOf(ctx), bodiesOf(ctx)), { seed: ctx.seed, numRuns: 1 })[0]!;
  const sent = { ...body, [conform.record.tag.field]: ns.next() };
  const id = a.idOf(a.recordOf(await a.create(sent), conform.operations.create));
  // Judged against the record as read before: how it was stored is other rules'.
  const before = a.recordOf(await a.get(id), `${conform.operations.get} ${id}`);
  const update = { ...other, ...requiredOf(ctx, other) };
  const signedAs = (change: (request: SignableRequest) => SignableRequest): Signer => (request, credentials) => a.signer(change(request), credentials);
  const once = async (variant: Variant, what: string, call: () => Promise<Reply> | undefined) => {
    if (!variants.includes(variant)) return;
    const reply = await call();
    if (reply) expectStatus(ctx, reply, statuses, what);
  };
  const tries = typeof params.realKeyTries === 'number' ? params.realKeyTries : 1;
  for (const [how, secret] of wrongSecrets(ctx, a.role, real.secret).slice(0, tries)) {
    await once('wrong-secret', `${conform.operations.get} with the real key id and ${how}`, () => a.call(conform.operations.get, { id, credentials: { id: real.id, secret } }));
  }
  // The body as signed differs from the one sent by a trailing space: the same JSON, another payload.
  await once('altered-body', `${conform.operations.update} ${id} whose body was changed after signing`, () =>
    a.call(conform.operations.update, { id, json: update, credentials: real, signer: signedAs((r) => ({ ...r, body: `${String(r.body)} ` })) }),
  );
  await once('altered-path', `${conform.operations.get} ${id} signed for another path`, () =>
    a.call(conform.operations.get, { id, credentials: real, signer: signedAs((r) => ({ ...r, url: new URL(`${r.url.pathname}0${r.url.search}`, r.url) })) }),
  );
  const stale = skewedSigner(a.signer, -3600_000);
  const future = skewedSigner(a.signer, 3600_000);
  // A signer module of the user's own has no clock to move: those variants are left out.
  await once('stale', `${conform.operations.create} signed an hour ago (a replay)`, () =>
    stale && a.call(conform.operations.create, { json: { ...other, [conform.record.tag.field]: ns.next() }, credentials: real, signer: stale }),
  );
  await once('future', `${conform.operations.update} ${id} signed an hour ahead`, () => future && a.call(conform.operations.update, { id, json: update, credentials: real, signer: future }));
  if (variants.includes('made-up-key')) {
    const known = new Set(Object.values(conform.credentials).map((role) => ctx.config.env[role.idVar]));
    // A secret a signer can sign with (Hawk refuses an empty one, before anything is sent).
    const madeUp = fc.record({ id: fc.stringMatching(/^[A-Za-z0-9-]{1,40}$/).filter((k) => !known.has(k)), secret: fc.stringMatching(/^[A-Za-z0-9]{1,40}$/) });
    await ctx.property(madeUp, async (credentials) => {
      expectStatus(ctx, await a.call(conform.operations.get, { id, credentials }), statuses, `${conform.operations.get} with key id ${JSON.stringify(credentials.id)}, which no account holds`);
    });
  }
  expectUnchanged(ctx, a.recordOf(await a.get(id), `${conform.operations.get} ${id}`), before, `a refused request to record ${id}`);
};

/**
 * Kinds of wrong secret for the real key id, the likeliest slip first; each differs from the real
 * one. The empty secret comes second: a scheme whose signer refuses one (Hawk) keeps
 * realKeyTries at 1.
 */
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

function variantsParam(ctx: CheckContext, params: Record<string, unknown>): Variant[] {
  const given = params.variants ?? ['wrong-secret', 'made-up-key'];
  if (!Array.isArray(given) || !given.every((v): v is Variant => VARIANTS.includes(v as Variant))) {
    throw new Error(`${ctx.rule}: params.variants must list some of ${VARIANTS.join(', ')}, not ${JSON.stringify(given)}`);
  }
  return given;
}
