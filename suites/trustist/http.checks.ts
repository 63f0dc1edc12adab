import { noServerErrorCheck } from '../../src/checks/no-server-error.ts';
import { sendPlain } from '../../src/checks/send-as-documented.ts';
import { unsupportedMethodCheck } from '../../src/checks/unsupported-method.ts';
import type { KeyCredentials } from '../../src/auth/signer.ts';
import { OperationClient, type Data } from '../../src/kinds/operation-client.ts';
import { instantOf } from '../../src/kinds/record-model.ts';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { inNamespace, orgNamespace } from '../../src/vendors/trustist/arbitraries.ts';
import { fieldsOf } from '../../src/vendors/trustist/model.ts';
import { createCustomer, idsOf } from './create-customer.ts';

// The generic HTTP rules (src/checks), given what only the Trustist suite knows: tenant A's full
// key, a customer of the check's own, bodies tagged with the run's orgId. Requests the spec may
// not document go out unvalidated (sendPlain).

/** A key id no tenant holds: the "wrong credentials" requests never name the account's real key. */
const MADE_UP_KEY: KeyCredentials = { id: '00000000-0000-4000-8000-00000c0f0e11', secret: 'conform-made-up-secret' };

/** What of a record the docs define: ids, stamps (as instants) and documented fields (vendors may add others, which may move). */
const stateOf = (r: Data) => ({ id: r.id, tenantId: r.tenantId ?? null, created: instantOf(r.created, 'rfc3339'), lastUpdated: instantOf(r.lastUpdated, 'rfc3339'), fields: fieldsOf(r) });

export const httpChecks = defineChecks('http', {
  'trustist.http.unsupported-method': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const orgId = orgNamespace(ctx, 'method');
    const id = a.idOf(await createCustomer(ctx, a, { orgId, firstName: 'Unchanged', lastName: 'Record' }));
    await unsupportedMethodCheck(ctx, {
      pathValues: { id },
      // A create or update that went through would add a customer to `orgId` or change this one.
      body: { orgId, firstName: 'Changed', lastName: 'By an unsupported method' },
      snapshot: async () => {
        const [got, list] = [await a.get(id), await a.listByTag(orgId)];
        return { customer: got.record ? stateOf(got.record) : { status: got.status }, listed: list.status === 200 ? idsOf(list.records) : { status: list.status } };
      },
      send: ({ method, path, body }) => sendPlain(ctx, { method, path, json: body }, a.credentials),
    });
  },

  'trustist.http.no-server-error': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const id = a.idOf(await createCustomer(ctx, a, { orgId: orgNamespace(ctx, 'sweep'), firstName: 'Swept' }));
    await noServerErrorCheck(ctx, {
      pathValues: { id: [id] },
      prepareBody: (operationId, body) => {
        if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
        if (operationId === 'createOnboardSession') return { ...body, customerId: id, orgId: orgNamespace(ctx, 'sweep') };
        // Creates and updates carry the run's tag, like every record the suite writes.
        return inNamespace(body as Data, orgNamespace(ctx, 'sweep'));
      },
      send: async (request) => {
        const sent = await sendPlain(ctx, { ...request, body: request.rawBody }, request.auth === 'none' ? undefined : request.auth === 'valid' ? a.credentials : MADE_UP_KEY);
        const made = (sent.response?.json as { id?: unknown } | undefined)?.id;
        if (request.operationId === 'createCustomer' && sent.response && sent.response.status < 300 && typeof made === 'string') ctx.noteCreated(made, 'tenantA');
        return sent;
      },
    });
  },
});
