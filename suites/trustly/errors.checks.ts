import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { exampleBody, unknownCustomerIds, wrongTypeBodies } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf, everyOperation, type Reply } from '../../src/vendors/trustly/client.ts';
import { customerOf } from '../../src/vendors/trustly/expect-reply.ts';

/**
 * The documented error body, checked entry by entry. The client has already validated the body
 * against the spec's schema for the status; this says in the rule's own words what was wrong.
 * Which status each request should get is the business of the rule that owns it (auth.*,
 * get.unknown, the required-field rules): here only the 4xx bodies that came back are judged.
 */
function assertErrorShape(ctx: CheckContext, reply: Reply, what: string): void {
  if (reply.status < 400 || reply.status > 499) return;
  const body = reply.json as { errors?: unknown } | undefined;
  const entries = body?.errors;
  ctx.assert(Array.isArray(entries) && entries.length > 0, `${what}: the ${reply.status} body has no errors list`, {
    received: reply.json ?? reply.exchange.response?.body,
    expected: '{ "errors": [ { "domain", "code", "message" } ] }',
  });
  entries.forEach((entry: unknown, i: number) => {
    const e = entry as Record<string, unknown> | null;
    const ok = typeof e === 'object' && e !== null && typeof e.domain === 'string' && Number.isInteger(e.code) && typeof e.message === 'string';
    ctx.assert(ok, `${what}: errors[${i}] of the ${reply.status} body is not { domain: string, code: integer, message: string }`, {
      received: entry,
      expected: '{ "domain": string, "code": integer, "message": string }',
      pointer: `/errors/${i}`,
    });
  });
}

export const errorsChecks = defineChecks('errors', {
  'trustly.errors.shape': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'errors');
    const known = customerOf(ctx, await client.createOrUpdate(exampleBody(ns.next())), 'creating a customer to aim at');

    // 401: no credentials and a wrong key, on every operation.
    for (const credentials of [null, { id: client.credentials.id, secret: `${client.credentials.secret}-wrong` }]) {
      const how = credentials ? 'a wrong accessKey' : 'no credentials';
      for (const [operation, reply] of await everyOperation(client, known, credentials, ns.next())) assertErrorShape(ctx, reply, `${operation} with ${how}`);
    }

    // 400: malformed JSON and bodies that are not objects.
    for (const rawBody of ['{"name": "Joe", ', '[]', '"Joe User"', '42', 'null']) {
      for (const operationId of ['createOrUpdateCustomer', 'updateCustomer'] as const) {
        assertErrorShape(ctx, await client.call(operationId, { id: known.customerId, rawBody }), `${operationId} with the body ${rawBody}`);
      }
    }

    // 404 on get and update of ids that name no customer; 400 on create and update with a
    // required field of the wrong type (missing and empty fields are the required-field rules').
    await ctx.property(fc.record({ unknownId: unknownCustomerIds, broken: wrongTypeBodies(ctx) }), async ({ unknownId, broken }) => {
      const how = `${broken.pointer} of ${broken.mutation}`;
      assertErrorShape(ctx, await client.get(unknownId), `get of the unknown id ${unknownId}`);
      assertErrorShape(ctx, await client.update(unknownId, exampleBody(ns.next())), `update of the unknown id ${unknownId}`);
      assertErrorShape(ctx, await client.createOrUpdate({ ...(broken.value as object), externalId: ns.next() }), `create with ${how}`);
      assertErrorShape(ctx, await client.update(known.customerId, { ...(broken.value as object), externalId: known.externalId }), `update with ${how}`);
    }, { runs: Math.max(1, Math.ceil(ctx.runs / 2)) });
  },
});
