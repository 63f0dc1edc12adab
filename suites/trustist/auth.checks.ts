import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { orgNamespace } from '../../src/vendors/trustist/arbitraries.ts';
import { customerPath, TrustistClient } from '../../src/vendors/trustist/client.ts';
import { key } from '../../src/vendors/trustist/credentials.ts';
import { createCustomer, expectStatus, idsOf } from '../../src/vendors/trustist/expect.ts';
import { requireHawk, signOnce, unhashedHawkSigner } from '../../src/vendors/trustist/hawk-variants.ts';

// Authentication that is Trustist's own: Hawk's nonce and payload hash. Requests without
// credentials, with a bad signature, an unknown or a merchant key are the generic kinds' (the
// spec's x-rules).

const json = (value: unknown) => JSON.stringify(value);

export const authChecks = defineChecks('auth', {
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
