import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { expectStatus } from '../../src/kinds/judge.ts';
import { OperationClient, type CallOptions } from '../../src/kinds/operation-client.ts';
import { orgNamespace } from '../../src/vendors/trustist/arbitraries.ts';
import { requireHawk, signOnce, unhashedHawkSigner } from '../../src/vendors/trustist/hawk-variants.ts';
import { createCustomer, idsOf } from './create-customer.ts';

// Authentication that is Trustist's own: Hawk's nonce and payload hash. Requests without
// credentials, with a bad signature, an unknown or a merchant key are the generic kinds' (the
// spec's x-rules). The key is passed explicitly: a 401 here is the rule's finding, not a sign
// that the run's key stopped working.

export const authChecks = defineChecks('auth', {
  'trustist.auth.replay': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    requireHawk(ctx, a.signer, a.credentials);
    const ns = orgNamespace(ctx, 'replay');
    const id = a.idOf(await createCustomer(ctx, a, { orgId: ns, firstName: 'Original' }));
    // What a replay could change: the namespace's customers and the setup record, read with fresh signatures.
    const state = async () => {
      const list = await a.listByTag(ns);
      expectStatus(ctx, list, [200], 'tenant A lists its own customers');
      return { customers: idsOf(list.records), record: a.recordOf(await a.get(id), 'tenant A reads its own customer') };
    };
    const requests: [string, CallOptions][] = [
      ['createCustomer', { json: { orgId: ns, firstName: 'Replayed' } }],
      ['updateCustomer', { id, json: { lastName: 'Replayed' } }],
      ['getCustomer', { id }],
    ];
    for (const [operationId, request] of requests) {
      // Signed once by the run's signer and sent twice, headers and body byte for byte.
      const sent = { ...request, credentials: a.credentials, signer: signOnce(a.signer) };
      const original = await a.call(operationId, sent);
      if (original.status >= 300) ctx.skip(`the target refused (${original.status}) the original ${operationId}, so there is nothing to replay`);
      // Undo the original update with a freshly signed one, so a replay that lands shows as the change coming back.
      if (operationId === 'updateCustomer') expectStatus(ctx, await a.update(id, { lastName: 'Original' }), [200], 'a freshly signed update');
      const before = await state();
      expectStatus(ctx, await a.call(operationId, sent), [401], `the same ${operationId} sent again verbatim (same nonce and timestamp)`);
      ctx.assertEqual(await state(), before, `a replayed ${operationId} must change nothing: the customers of orgId ${ns} and the setup record stay as they were`);
    }
  },

  'trustist.auth.payload-hash': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    requireHawk(ctx, a.signer, a.credentials);
    const ns = orgNamespace(ctx, 'payload-hash');
    const id = a.idOf(await createCustomer(ctx, a, { orgId: ns, firstName: 'Original' }));
    const unhashed = { credentials: a.credentials, signer: unhashedHawkSigner };
    const statuses = {
      createCustomer: (await a.call('createCustomer', { json: { orgId: ns, firstName: 'Unhashed' }, ...unhashed })).status,
      updateCustomer: (await a.call('updateCustomer', { id, json: { lastName: 'Unhashed' }, ...unhashed })).status,
    };
    const accepted = Object.values(statuses).filter((status) => status < 300).length;
    ctx.observe({ accepted: accepted === 2 ? 'yes' : accepted === 1 ? 'on some operations' : 'no', statuses });
  },
});
