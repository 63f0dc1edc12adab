import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { orgNamespace } from '../../src/vendors/trustist/arbitraries.ts';
import { customerPath, TrustistClient, type Reply } from '../../src/vendors/trustist/client.ts';
import { key } from '../../src/vendors/trustist/credentials.ts';
import { createCustomer, expectFields, expectStatus, idsOf } from '../../src/vendors/trustist/expect.ts';
import { requireHawk, signOnce, unhashedHawkSigner } from '../../src/vendors/trustist/hawk-variants.ts';
import { fieldsOf } from '../../src/vendors/trustist/model.ts';

// Authentication that is Trustist's own: the merchant key, Hawk's nonce and payload hash. Requests
// without credentials, with a bad signature or an unknown key are the generic kinds' (the spec's
// x-rules). Each request is otherwise valid and aimed at a record that exists, so the only reason
// left to refuse it is the credential.

/** A record of tenant A to aim at, in a fresh namespace of its own (a list by it holds exactly that record). */
async function target(ctx: CheckContext, a: TrustistClient) {
  const ns = orgNamespace(ctx, 'auth');
  return { ns, record: await createCustomer(ctx, a, { orgId: ns, firstName: 'Original' }) };
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

const json = (value: unknown) => JSON.stringify(value);

export const authChecks = defineChecks('auth', {
  'trustist.auth.merchant-key-rejected': async (ctx: CheckContext) => {
    const a = new TrustistClient(ctx, key(ctx, 'tenantA'));
    const merchant = new TrustistClient(ctx, key(ctx, 'merchant'));
    const { ns, record } = await target(ctx, a);
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
