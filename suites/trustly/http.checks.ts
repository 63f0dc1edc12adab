import fc from 'fast-check';
import { sendPlain } from '../../src/checks/send-as-documented.ts';
import { noServerErrorCheck } from '../../src/checks/no-server-error.ts';
import { unsupportedMethodCheck } from '../../src/checks/unsupported-method.ts';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { OperationClient } from '../../src/kinds/operation-client.ts';
import { exampleBody, unknownCustomerIds } from '../../src/vendors/trustly/arbitraries.ts';

// The generic HTTP rules (src/checks), given what only the Trustly suite knows: how to read a
// customer before and after, and bodies that touch no record but the check's own.

export const httpChecks = defineChecks('http', {
  'trustly.http.unsupported-method': async (ctx: CheckContext) => {
    const client = new OperationClient(ctx, 'merchantA');
    const ns = new TagNamespace(ctx.tag, 'unsupported-method');
    const externalId = ns.next();
    const id = client.idOf(client.recordOf(await client.create(exampleBody(externalId)), 'creating the customer the probes aim at'));
    await unsupportedMethodCheck(ctx, {
      pathValues: { customerId: id },
      // A write a target mistaking PUT or PATCH for an update (or a create) would apply.
      body: { ...exampleBody(externalId), name: 'Changed By Unsupported Method' },
      snapshot: async () => ({
        customer: client.recordOf(await client.get(id), `GET /api/v1/customers/${id}`),
        withExternalId: (await client.listByTag(externalId)).records?.map((c) => c.customerId),
      }),
      send: ({ method, path, body }) => sendPlain(ctx, { method, path, json: body }, client.credentials),
    });
  },

  'trustly.http.no-server-error': async (ctx: CheckContext) => {
    const client = new OperationClient(ctx, 'merchantA');
    const ns = new TagNamespace(ctx.tag, 'no-server-error');
    const id = client.idOf(client.recordOf(await client.create(exampleBody(ns.next())), 'creating a customer the sample can name'));
    const unknown = fc.sample(unknownCustomerIds, { seed: ctx.seed, numRuns: 3 });
    // A made-up accessId: the wrong-credential requests never name the account's real one (lock-out).
    const wrong = { id: 'conform-made-up-access-id', secret: 'conform-made-up-key' };
    await noServerErrorCheck(ctx, {
      pathValues: { customerId: [id, ...unknown] },
      // Every object body carries a fresh tagged externalId (unless the draw broke its type) and
      // names no customer but the check's own, so the sample never touches a record it did not make.
      prepareBody: (_operationId, body) => {
        if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
        const tagged: Record<string, unknown> = { ...body };
        if (tagged.externalId === undefined || tagged.externalId === null || typeof tagged.externalId === 'string') tagged.externalId = ns.next();
        if (typeof tagged.customerId === 'string') tagged.customerId = id;
        return tagged;
      },
      send: async (request) => {
        const ex = await sendPlain(ctx, { ...request, body: request.rawBody }, request.auth === 'none' ? undefined : request.auth === 'valid' ? client.credentials : wrong);
        if (ex.response?.status === 200 && request.method === 'POST') {
          const id = (ex.response.json as { customer?: { customerId?: unknown } } | undefined)?.customer?.customerId;
          if (typeof id === 'string') ctx.noteCreated(id, 'merchantA');
        }
        return ex;
      },
    });
  },
});
