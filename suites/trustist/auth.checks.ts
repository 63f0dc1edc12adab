import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { orgNamespace } from '../../src/vendors/trustist/arbitraries.ts';
import { customerPath, TrustistClient, type RawRequest, type Reply } from '../../src/vendors/trustist/client.ts';
import { key } from '../../src/vendors/trustist/credentials.ts';
import { createCustomer, expectFields, expectStatus, idsOf } from '../../src/vendors/trustist/expect.ts';
import { requireHawk, signOnce, unhashedHawkSigner } from '../../src/vendors/trustist/hawk-variants.ts';
import { fieldsOf } from '../../src/vendors/trustist/model.ts';
import { skewedSigner } from '../../src/vendors/trustist/skewed-signer.ts';

// Authentication: every operation, unsigned, mis-signed or signed by a key that must not work,
// is refused. Each request is otherwise valid and aimed at a record that exists, so the only
// reason left to refuse it is the credential.

interface Operation {
  operationId: string;
  method: string;
  path: string;
  body?: string;
  /** A different request of the same operation, to sign in place of this one (an altered path or body). */
  other: { path?: string; body?: string };
}

const json = (value: unknown) => JSON.stringify(value);

/** One valid request per operation, against `id` (and `otherId` for the altered-path variant). */
function operations(ns: string, id: string, otherId: string): Operation[] {
  const q = (org: string) => `/v1/customers?orgId=${encodeURIComponent(org)}`;
  return [
    { operationId: 'createCustomer', method: 'POST', path: '/v1/customers', body: json({ orgId: ns, firstName: 'Signed' }), other: { body: json({ orgId: ns, firstName: 'Tampered' }) } },
    { operationId: 'getCustomer', method: 'GET', path: customerPath(id), other: { path: customerPath(otherId) } },
    { operationId: 'listCustomers', method: 'GET', path: q(ns), other: { path: q(`${ns}x`) } },
    { operationId: 'listCustomers', method: 'GET', path: '/v1/customers', other: { path: q(ns) } },
    { operationId: 'updateCustomer', method: 'PUT', path: customerPath(id), body: json({ firstName: 'Signed' }), other: { path: customerPath(otherId), body: json({ firstName: 'Tampered' }) } },
    {
      operationId: 'createOnboardSession',
      method: 'POST',
      path: '/v1/onboard/sessions',
      body: json({ customerId: id, options: { ais: { balances: true } } }),
      other: { body: json({ customerId: otherId, options: { ais: { balances: true } } }) },
    },
  ];
}

/** Two records of tenant A to aim at, in a fresh namespace. */
async function targets(ctx: CheckContext, a: TrustistClient) {
  const ns = orgNamespace(ctx, 'auth');
  const record = await createCustomer(ctx, a, { orgId: ns, firstName: 'Original' });
  // In a namespace of its own: a list by `ns` must hold exactly one record, even on a target that matches prefixes.
  const other = await createCustomer(ctx, a, { orgId: orgNamespace(ctx, 'auth-other'), firstName: 'Other' });
  return { ns, record, other, ops: operations(ns, record.id, other.id) };
}

/** Nothing a refused request carried may have landed: the namespace holds only the setup record, which is unchanged. */
async function expectUntouched(ctx: CheckContext, a: TrustistClient, ns: string, record: { id: string }) {
  const list = await a.listCustomers(ns);
  expectStatus(ctx, list, [200], 'tenant A lists its own customers');
  ctx.assertEqual(idsOf(list.customers), [record.id], `a refused create must create nothing: the list by orgId ${ns} holds only the setup record`);
  const after = await a.getCustomer(record.id);
  expectStatus(ctx, after, [200], 'tenant A reads its own customer');
  expectFields(ctx, after.body, fieldsOf({ orgId: ns, firstName: 'Original' }), 'a refused update must change nothing');
}

const body = (op: Operation) => (op.body === undefined ? {} : { body: op.body, contentType: 'application/json' });

export const authChecks = defineChecks('auth', {
  'trustist.auth.required': async (ctx: CheckContext) => {
    const a = new TrustistClient(ctx, key(ctx, 'tenantA'));
    const { ns, record, ops } = await targets(ctx, a);
    for (const op of ops) {
      const reply = await a.raw({ operationId: op.operationId, method: op.method, path: op.path, ...body(op) });
      expectStatus(ctx, reply, [401], 'a request without an Authorization header must get 401');
    }
    await expectUntouched(ctx, a, ns, record);
  },

  'trustist.auth.bad-signature': async (ctx: CheckContext) => {
    const credentials = key(ctx, 'tenantA');
    const a = new TrustistClient(ctx, credentials);
    const { ns, record, ops } = await targets(ctx, a);
    const wrongSecret = { id: credentials.id, secret: `${credentials.secret}x` };
    const signer = ctx.config.signer!;
    const stale = skewedSigner(signer, -3600_000);
    const future = skewedSigner(signer, 3600_000);
    // Every attempt here carries the account's real key id, and a vendor with lock-out counts
    // failed attempts per key: each kind of wrong signature is sent once (at most five in all),
    // each on another operation, rather than every kind on every operation.
    const [create, get, listByOrg, , update, onboard] = ops as [Operation, Operation, Operation, Operation, Operation, Operation];
    const send = (op: Operation, why: string, sign: NonNullable<RawRequest['sign']>) =>
      a.raw({ operationId: op.operationId, method: op.method, path: op.path, ...body(op), sign }).then((reply) => expectStatus(ctx, reply, [401], why));
    await send(get, 'a request signed with the wrong secret must get 401', { credentials: wrongSecret });
    await send(onboard, 'a request whose body was changed after signing must get 401', { credentials, body: onboard.other.body! });
    await send(listByOrg, 'a request whose path or query was changed after signing must get 401', { credentials, path: listByOrg.other.path! });
    if (stale) await send(create, 'a request signed an hour ago (a replay) must get 401', { credentials, signer: stale });
    if (future) await send(update, 'a request signed with a timestamp an hour ahead must get 401', { credentials, signer: future });
    await expectUntouched(ctx, a, ns, record);
  },

  'trustist.auth.unknown-key': async (ctx: CheckContext) => {
    const credentials = key(ctx, 'tenantA');
    const a = new TrustistClient(ctx, credentials);
    const { ns, record, ops } = await targets(ctx, a);
    const known = new Set(Object.entries(ctx.config.env).filter(([name]) => name.endsWith('_ID')).map(([, v]) => v));
    // Key ids are GUIDs (vendor-notes.md); any GUID the run was not given is unknown to it.
    const unknownKey = fc.record({ id: fc.uuid().filter((id) => !known.has(id)), secret: fc.stringMatching(/^[A-Za-z0-9]{16,40}$/) });
    await ctx.property(
      fc.tuple(unknownKey, fc.nat({ max: ops.length - 1 })),
      async ([unknown, index]) => {
        const op = ops[index]!;
        const reply = await a.raw({ operationId: op.operationId, method: op.method, path: op.path, ...body(op), sign: { credentials: unknown } });
        expectStatus(ctx, reply, [401], 'a request signed with a key id the vendor never issued must get 401');
      },
      { runs: ctx.runsAtMost(12), examples: ops.map((_, i) => [{ id: '00000000-0000-4000-8000-000000000000', secret: 'not-a-real-secret-0000' }, i] as [{ id: string; secret: string }, number]) },
    );
    await expectUntouched(ctx, a, ns, record);
  },

  'trustist.auth.merchant-key-rejected': async (ctx: CheckContext) => {
    const a = new TrustistClient(ctx, key(ctx, 'tenantA'));
    const merchant = new TrustistClient(ctx, key(ctx, 'merchant'));
    const { ns, record } = await targets(ctx, a);
    const seen: Record<string, number> = {};
    const attempts: [string, () => Promise<Reply>][] = [
      ['createCustomer', () => merchant.createCustomer({ orgId: ns, firstName: 'Merchant' })],
      ['getCustomer', () => merchant.getCustomer(record.id)],
      ['listCustomers', () => merchant.listCustomers(ns)],
      ['updateCustomer', () => merchant.updateCustomer(record.id, { firstName: 'Merchant' })],
    ];
    for (const [operationId, attempt] of attempts) {
      const reply = await attempt();
      seen[operationId] = reply.status;
      expectStatus(ctx, reply, [401, 403], 'a merchant key on a customer endpoint must be refused (401 by the seed, 403 by the API-keys page)');
    }
    await expectUntouched(ctx, a, ns, record);
    const statuses = [...new Set(Object.values(seen))];
    ctx.observe(statuses.length === 1 ? { status: statuses[0] } : { status: seen });
  },

  'trustist.auth.replay': async (ctx: CheckContext) => {
    const credentials = key(ctx, 'tenantA');
    requireHawk(ctx, ctx.config.signer!, credentials);
    const a = new TrustistClient(ctx, credentials);
    const ns = orgNamespace(ctx, 'replay');
    const record = await createCustomer(ctx, a, { orgId: ns, firstName: 'Original' });
    // What a replay could change: the namespace's customers and the setup record, read with fresh signatures.
    const state = async () => {
      const list = await a.listCustomers(ns);
      expectStatus(ctx, list, [200], 'tenant A lists its own customers');
      const got = await a.getCustomer(record.id);
      expectStatus(ctx, got, [200], 'tenant A reads its own customer');
      return { customers: idsOf(list.customers).sort(), record: got.body };
    };
    // Each request is signed once by the run's signer and sent twice, headers and body byte for byte.
    const requests = [
      { operationId: 'createCustomer', method: 'POST', path: '/v1/customers', body: json({ orgId: ns, firstName: 'Replayed' }), contentType: 'application/json' },
      { operationId: 'updateCustomer', method: 'PUT', path: customerPath(record.id), body: json({ lastName: 'Replayed' }), contentType: 'application/json' },
      { operationId: 'getCustomer', method: 'GET', path: customerPath(record.id) },
    ];
    for (const request of requests) {
      const sign = { credentials, signer: signOnce(ctx.config.signer!) };
      const original = await a.raw({ ...request, sign });
      if (original.status >= 300) ctx.skip(`the target refused (${original.status}) the original ${request.method} ${request.path.split('?')[0]}, so there is nothing to replay`);
      const createdId = request.operationId === 'createCustomer' ? (original.body as { id?: string } | undefined)?.id : undefined;
      if (createdId !== undefined) ctx.noteCreated(createdId);
      if (request.operationId === 'updateCustomer') {
        // Undo the original update with a freshly signed one, so a replay that lands shows as the change coming back.
        expectStatus(ctx, await a.updateCustomer(record.id, { lastName: 'Original' }), [200], 'a freshly signed update must succeed');
      }
      const before = await state();
      const replay = await a.raw({ ...request, sign });
      expectStatus(ctx, replay, [401], `the same ${request.method} sent again verbatim (same nonce and timestamp) must get 401`);
      ctx.assertEqual(await state(), before, `a replayed ${request.method} must change nothing: the customers of orgId ${ns} and the setup record stay as they were`);
    }
  },

  'trustist.auth.payload-hash': async (ctx: CheckContext) => {
    const credentials = key(ctx, 'tenantA');
    requireHawk(ctx, ctx.config.signer!, credentials);
    const a = new TrustistClient(ctx, credentials);
    const ns = orgNamespace(ctx, 'payload-hash');
    const record = await createCustomer(ctx, a, { orgId: ns, firstName: 'Original' });
    const sign = { credentials, signer: unhashedHawkSigner };
    const create = await a.raw({ operationId: 'createCustomer', method: 'POST', path: '/v1/customers', body: json({ orgId: ns, firstName: 'Unhashed' }), contentType: 'application/json', sign });
    const createdId = (create.body as { id?: string } | undefined)?.id;
    if (create.status < 300 && createdId !== undefined) ctx.noteCreated(createdId);
    const update = await a.raw({ operationId: 'updateCustomer', method: 'PUT', path: customerPath(record.id), body: json({ lastName: 'Unhashed' }), contentType: 'application/json', sign });
    const statuses = { createCustomer: create.status, updateCustomer: update.status };
    const accepted = Object.values(statuses).map((status) => status < 300);
    ctx.observe({ accepted: accepted.every(Boolean) ? 'yes' : accepted.some(Boolean) ? 'on some operations' : 'no', statuses });
  },
});
