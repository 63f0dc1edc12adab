import { noServerErrorCheck } from '../../src/checks/no-server-error.ts';
import { unsupportedMethodCheck } from '../../src/checks/unsupported-method.ts';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { sendPlain } from '../../src/checks/send-as-documented.ts';
import type { KeyCredentials } from '../../src/auth/signer.ts';
import { OperationClient, type Data } from '../../src/kinds/operation-client.ts';
import { inNamespace, orgNamespace } from '../../src/vendors/trustist/arbitraries.ts';
import { fieldsOf } from '../../src/vendors/trustist/model.ts';
import { instantOf } from '../../src/kinds/record-model.ts';
import { createCustomer, idsOf } from './create-customer.ts';

// The generic HTTP rules (src/checks), given what only the Trustist suite knows: tenant A's full
// key, a customer of the check's own, bodies tagged with the run's orgId, and how a spec path
// sits under the target's base path. Requests the spec may not document go out unvalidated.

/** A key id no tenant holds: the "wrong credentials" requests never name the account's real key. */
const MADE_UP_KEY: KeyCredentials = { id: '00000000-0000-4000-8000-00000c0f0e11', secret: 'conform-made-up-secret' };

/** What of a record the docs define: ids, stamps (as instants) and documented fields (vendors may add others, which may move). */
const stateOf = (r: Data) => ({ id: r.id, tenantId: r.tenantId ?? null, created: instantOf(r.created, 'rfc3339'), lastUpdated: instantOf(r.lastUpdated, 'rfc3339'), fields: fieldsOf(r) });

/** A spec-shaped request sent as it is, JSON bodies serialised here. */
function send(ctx: CheckContext, request: { method: string; path: string; json?: unknown; rawBody?: string; contentType?: string }, credentials?: KeyCredentials) {
  const body = request.rawBody ?? (request.json === undefined ? undefined : JSON.stringify(request.json));
  return sendPlain(ctx, { method: request.method, path: request.path, ...(body === undefined ? {} : { body, contentType: request.contentType ?? 'application/json' }) }, credentials);
}

export const httpChecks = defineChecks('http', {
  'trustist.http.unsupported-method': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const credentials = a.credentials;
    const orgId = orgNamespace(ctx, 'method');
    const id = a.idOf(await createCustomer(ctx, a, { orgId, firstName: 'Unchanged', lastName: 'Record' }));
    await unsupportedMethodCheck(ctx, {
      pathValues: { id },
      // A create or update that went through would add a customer to `orgId` or change this one.
      body: { orgId, firstName: 'Changed', lastName: 'By an unsupported method' },
      snapshot: async () => {
        const got = await a.get(id);
        const list = await a.listByTag(orgId);
        return { customer: got.record ? stateOf(got.record) : { status: got.status }, listed: list.status === 200 ? idsOf(list.records) : { status: list.status } };
      },
      send: (request) => send(ctx, { method: request.method, path: request.path, ...(request.body === undefined ? {} : { json: request.body }) }, credentials),
    });
  },

  'trustist.http.no-server-error': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const credentials = a.credentials;
    const id = a.idOf(await createCustomer(ctx, a, { orgId: orgNamespace(ctx, 'sweep'), firstName: 'Swept' }));
    await noServerErrorCheck(ctx, {
      pathValues: { id: [id] },
      prepareBody: (operationId, body) => {
        if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
        if (operationId === 'createOnboardSession') return { ...body, customerId: id, orgId: orgNamespace(ctx, 'sweep') };
        // Creates and updates carry the run's tag, like every record the suite writes.
        return inNamespace(body as Record<string, unknown>, orgNamespace(ctx, 'sweep'));
      },
      send: async (request) => {
        const sent = await send(ctx, request, request.auth === 'none' ? undefined : request.auth === 'valid' ? credentials : MADE_UP_KEY);
        const made = (sent.response?.json as { id?: unknown } | undefined)?.id;
        if (request.method === 'POST' && sent.response && sent.response.status < 300 && typeof made === 'string' && request.operationId === 'createCustomer') ctx.noteCreated(made, 'tenantA');
        return sent;
      },
    });
  },
});
