import fc from 'fast-check';
import type { KeyCredentials } from '../../src/auth/signer.ts';
import { OperationClient, type Data, type Reply } from '../../src/kinds/operation-client.ts';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { exampleBody, REQUIRED_VIOLATIONS, unknownCustomerIds, violateRequired, wrongTypeBodies } from '../../src/vendors/trustly/arbitraries.ts';

// Which status each request should get is the business of the rule that owns it (auth.*,
// get.unknown, the required-field rules): here only the 4xx answers that came back are judged.

/**
 * One request of each operation, signed with `credentials` (null: none) and aimed at a customer
 * that exists, so that a refusal cannot be a 404 in disguise; by the operation's name.
 */
async function everyOperation(a: OperationClient, known: Data, credentials: KeyCredentials | null, fresh: string): Promise<[string, Reply][]> {
  const id = String(known.customerId);
  return [
    ['get', await a.call('getCustomer', { id, credentials })],
    ['list', await a.call('listCustomers', { query: { externalId: String(known.externalId) }, credentials })],
    ['create', await a.call('createOrUpdateCustomer', { json: exampleBody(fresh), credentials })],
    ['update', await a.call('updateCustomer', { id, json: exampleBody(String(known.externalId)), credentials })],
  ];
}

/** The 401s of every operation, with no credentials and with a wrong accessKey. */
async function unauthorized(a: OperationClient, known: Data, ns: TagNamespace): Promise<[string, Reply][]> {
  const wrongKey = { id: a.credentials.id, secret: `${a.credentials.secret}-wrong` };
  const none = (await everyOperation(a, known, null, ns.next())).map(([op, reply]): [string, Reply] => [`${op} with no credentials`, reply]);
  const wrong = (await everyOperation(a, known, wrongKey, ns.next())).map(([op, reply]): [string, Reply] => [`${op} with a wrong accessKey`, reply]);
  return [...none, ...wrong];
}

/**
 * The documented error body, entry by entry. The client has already validated the body against
 * the spec's schema for the status; this says in the rule's own words what was wrong.
 */
function assertErrorShape(ctx: CheckContext, reply: Reply, what: string): void {
  if (reply.status < 400 || reply.status > 499) return;
  const entries = (reply.json as { errors?: unknown } | undefined)?.errors;
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

/** A `status` answer must carry an error entry with one of the `allowed` codes. */
function expectCode(ctx: CheckContext, reply: Reply, status: number, allowed: number[], what: string): void {
  if (reply.status !== status) return;
  const codes = ((reply.json as { errors?: { code?: unknown }[] } | undefined)?.errors ?? []).map((e) => e.code);
  ctx.assert(codes.some((c) => allowed.includes(c as number)), `${what}: the ${status} carries error code ${codes.join(', ')}`, { received: reply.json, expected: `an entry with code ${allowed.join(' or ')}` });
}

async function knownCustomer(ctx: CheckContext, label: string): Promise<{ a: OperationClient; ns: TagNamespace; known: Data }> {
  const a = new OperationClient(ctx, 'merchantA');
  const ns = new TagNamespace(ctx.tag, label);
  return { a, ns, known: a.recordOf(await a.create(exampleBody(ns.next())), 'creating a customer to aim at') };
}

export const errorsChecks = defineChecks('errors', {
  'trustly.errors.shape': async (ctx: CheckContext) => {
    const { a, ns, known } = await knownCustomer(ctx, 'errors');
    for (const [what, reply] of await unauthorized(a, known, ns)) assertErrorShape(ctx, reply, what);
    // 400: malformed JSON and bodies that are not objects.
    for (const rawBody of ['{"name": "Joe", ', '[]', '"Joe User"', '42', 'null']) {
      for (const operationId of ['createOrUpdateCustomer', 'updateCustomer']) {
        assertErrorShape(ctx, await a.call(operationId, { id: String(known.customerId), rawBody }), `${operationId} with the body ${rawBody}`);
      }
    }
    // 404 on get and update of ids that name no customer; 400 on create and update with a
    // required field of the wrong type (missing and empty fields are the required-field rules').
    await ctx.property(fc.record({ unknownId: unknownCustomerIds, broken: wrongTypeBodies(ctx) }), async ({ unknownId, broken }) => {
      const how = `${broken.pointer} of ${broken.mutation}`;
      assertErrorShape(ctx, await a.get(unknownId), `get of the unknown id ${unknownId}`);
      assertErrorShape(ctx, await a.update(unknownId, exampleBody(ns.next())), `update of the unknown id ${unknownId}`);
      assertErrorShape(ctx, await a.create({ ...(broken.value as object), externalId: ns.next() }), `create with ${how}`);
      assertErrorShape(ctx, await a.update(String(known.customerId), { ...(broken.value as object), externalId: known.externalId }), `update with ${how}`);
    }, { runs: Math.max(1, Math.ceil(ctx.runs / 2)) });
  },

  'trustly.errors.codes': async (ctx: CheckContext) => {
    const { a, ns, known } = await knownCustomer(ctx, 'error-codes');
    for (const [what, reply] of await unauthorized(a, known, ns)) expectCode(ctx, reply, 401, [300, 375], what);
    for (const violation of REQUIRED_VIOLATIONS) {
      expectCode(ctx, await a.create(violateRequired(exampleBody(ns.next()), violation)), 400, [200], `a create with ${violation}`);
      expectCode(ctx, await a.update(String(known.customerId), violateRequired(exampleBody(String(known.externalId)), violation)), 400, [200], `an update with ${violation}`);
    }
  },
});
