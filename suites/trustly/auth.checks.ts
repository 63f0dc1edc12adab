import fc from 'fast-check';
import type { KeyCredentials } from '../../src/auth/signer.ts';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { exampleBody } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf, type RawRequest, type TrustlyClient } from '../../src/vendors/trustly/client.ts';
import { merchantVars } from '../../src/vendors/trustly/credentials.ts';
import { customerOf, expectStatus } from '../../src/vendors/trustly/expect-reply.ts';

/** One request of each operation, aimed at a customer that exists, so a 401 cannot be a 404 in disguise. */
async function everyOperation(ctx: CheckContext, client: TrustlyClient, ns: TagNamespace): Promise<Omit<RawRequest, 'credentials' | 'headers'>[]> {
  const known = customerOf(ctx, await client.createOrUpdate(exampleBody(ns.next())), 'creating a customer to aim at');
  return [
    { operationId: 'getCustomer', method: 'GET', path: `/customers/${known.customerId}` },
    { operationId: 'listCustomers', method: 'GET', path: `/customers?externalId=${encodeURIComponent(String(known.externalId))}` },
    { operationId: 'createOrUpdateCustomer', method: 'POST', path: '/customers', json: exampleBody(ns.next()) },
    { operationId: 'updateCustomer', method: 'POST', path: `/customers/${known.customerId}`, json: exampleBody(String(known.externalId)) },
  ];
}

/** Requests sent with the account's real accessId and a wrong key, at most (account safety). */
export const REAL_ID_ATTEMPTS = 4;

const describe = (request: Omit<RawRequest, 'credentials'>) => `${request.method} ${request.path.split('?')[0]}`;

// Authorization headers that carry no Basic credentials: none at all, another scheme, and
// Basic headers with nothing usable in them.
const WITHOUT_BASIC: { label: string; headers: Record<string, string> }[] = [
  { label: 'no Authorization header', headers: {} },
  { label: 'an empty Basic header', headers: { authorization: 'Basic ' } },
  { label: 'Basic with an empty user and password', headers: { authorization: `Basic ${Buffer.from(':').toString('base64')}` } },
  { label: 'Basic that is not base64 of user:password', headers: { authorization: 'Basic not-base64!' } },
  { label: 'a Bearer token', headers: { authorization: 'Bearer conform-not-a-credential' } },
];

export const authChecks = defineChecks('auth', {
  'trustly.auth.required': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const requests = await everyOperation(ctx, client, new TagNamespace(ctx.tag, 'auth-required'));
    for (const request of requests) {
      for (const { label, headers } of WITHOUT_BASIC) {
        const reply = await client.raw({ ...request, headers, credentials: null });
        expectStatus(ctx, reply, 401, `${describe(request)} with ${label}`);
      }
    }
  },

  'trustly.auth.bad-credentials': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const a = client.credentials;
    const requests = await everyOperation(ctx, client, new TagNamespace(ctx.tag, 'auth-bad'));
    const send = async (request: (typeof requests)[number], credentials: KeyCredentials, label: string) =>
      expectStatus(ctx, await client.raw({ ...request, credentials }), 401, `${describe(request)} with ${label}`);

    // The account's real accessId with a wrong accessKey: a vendor with lock-out counts these,
    // so each kind is sent once (at most REAL_ID_ATTEMPTS in all), each on another operation.
    const bKey = ctx.config.env[merchantVars(ctx, 'B').secretVar];
    const nearMiss = `${a.secret.slice(0, -1)}${a.secret.endsWith('x') ? 'y' : 'x'}`;
    const flipped = a.secret.toUpperCase() === a.secret ? a.secret.toLowerCase() : a.secret.toUpperCase();
    const realId: [string, string][] = [
      ["merchant A's accessId and an empty accessKey", ''],
      ["merchant A's accessId and its accessKey with the last character changed", nearMiss],
      ...(flipped === a.secret ? [] : ([["merchant A's accessId and its accessKey in the other case", flipped]] as [string, string][])),
      ...(bKey ? ([["merchant A's accessId and merchant B's accessKey", bKey]] as [string, string][]) : []),
    ];
    for (const [i, [label, key]] of realId.slice(0, REAL_ID_ATTEMPTS).entries()) await send(requests[i % requests.length]!, { id: a.id, secret: key }, label);

    // The breadth (any key text, every operation) with accessIds no merchant holds: nothing to lock.
    const known = new Set(Object.entries(ctx.config.env).filter(([name]) => name.endsWith('_ID')).map(([, v]) => v));
    const unknownId = fc.stringMatching(/^[A-Za-z0-9-]{1,40}$/).map((id) => `conform-unknown-${id}`).filter((id) => !known.has(id));
    const wrongKey = fc.oneof(
      fc.string({ minLength: 1, maxLength: 40 }),
      // Near misses of the right key: one character changed, added or cut.
      fc.nat().map((i) => `${a.secret.slice(0, i % a.secret.length)}${a.secret.slice((i % a.secret.length) + 1)}`),
      fc.constant(`${a.secret}x`),
      fc.constant(a.secret),
    );
    await ctx.property(fc.tuple(fc.nat({ max: requests.length - 1 }), unknownId, wrongKey), async ([which, id, key]) =>
      send(requests[which]!, { id, secret: key }, 'an accessId no merchant holds'),
    );
  },
});
