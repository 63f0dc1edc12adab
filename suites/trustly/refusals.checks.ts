import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { TagNamespace } from '../../src/runner/tag-namespace.ts';
import { customerBodies, exampleBody, REQUIRED_VIOLATIONS, violateRequired, wrongTypeAnyField } from '../../src/vendors/trustly/arbitraries.ts';
import { clientOf, everyOperation, type Customer, type Reply, type TrustlyClient } from '../../src/vendors/trustly/client.ts';
import { expectStatus } from '../../src/kinds/judge.ts';
import { customerOf, customersOf } from '../../src/vendors/trustly/expect-reply.ts';
import { REQUIRED_FIELDS, type Body } from '../../src/vendors/trustly/model.ts';

// Refused writes: each must answer 400 and leave the records as they were. Every refused create
// carries the run's own externalId where it can carry one, so a list by it shows whether anything
// was stored; a refused update is judged by reading the customer before and after.

const ROUTES = ['create', 'update by id', 'upsert by externalId'] as const;
type Route = (typeof ROUTES)[number];
// Every run tries every field and route, so fewer runs than a property's usual still cover them all.
const fewerRuns = (ctx: CheckContext, by: number) => Math.max(1, Math.ceil(ctx.runs / by));

/** Sends one refused write by `route` and asserts the 400 and that nothing was created or changed. */
async function assertRefused(ctx: CheckContext, client: TrustlyClient, route: Route, target: Customer, send: (route: Route) => Promise<Reply>, freshExternalId: string | undefined, what: string): Promise<void> {
  const reply = await send(route);
  expectStatus(ctx, reply, [400], `${what} (${route})`);
  if (route === 'create') {
    if (freshExternalId === undefined) return;
    const stored = customersOf(ctx, await client.list({ externalId: freshExternalId }), `listing by the refused create's externalId ${freshExternalId}`);
    ctx.assert(stored.length === 0, `${what} (create) was refused but stored a customer`, { received: stored, expected: [] });
    return;
  }
  const after = customerOf(ctx, await client.get(target.customerId), `GET /api/v1/customers/${target.customerId} after the refused ${route}`);
  ctx.assertEqual(after, target, `${what} (${route}) was refused but changed customer ${target.customerId}`);
}

export const refusalsChecks = defineChecks('refusals', {
  'trustly.customers.null-required': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'null-required');
    await ctx.property(fc.tuple(customerBodies(ctx, { style: 'plain' }), customerBodies(ctx, { style: 'plain' })), async ([first, second]) => {
      const created = customerOf(ctx, await client.createOrUpdate({ ...first, externalId: ns.next() }), 'creating the customer to update');
      // The record as a get shows it: what every later get must still show.
      const target = customerOf(ctx, await client.get(created.customerId), `GET /api/v1/customers/${created.customerId} before the refused writes`);
      for (const field of REQUIRED_FIELDS) {
        const fresh = ns.next();
        const body = (externalId: string): Body => ({ ...second, externalId, [field]: null });
        const send = (route: Route) =>
          route === 'create' ? client.createOrUpdate(body(fresh)) : route === 'update by id' ? client.update(target.customerId, body(String(target.externalId))) : client.createOrUpdate(body(String(target.externalId)));
        for (const route of ROUTES) await assertRefused(ctx, client, route, target, send, fresh, `a write with ${field} null`);
      }
    }, { runs: fewerRuns(ctx, 6) });
  },

  'trustly.customers.invalid-body': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'invalid-body');
    const created = customerOf(ctx, await client.createOrUpdate(exampleBody(ns.next())), 'creating the customer to update');
    const target = customerOf(ctx, await client.get(created.customerId), `GET /api/v1/customers/${created.customerId} before the refused writes`);
    // Malformed JSON and JSON that is not an object; the ones that can carry an externalId do.
    const fresh = ns.next();
    const valid = JSON.stringify(exampleBody(fresh));
    const raws: [string, string | undefined][] = [
      [valid.slice(0, -1), fresh],
      [`${valid},`, fresh],
      [`[${valid}]`, fresh],
      [JSON.stringify(JSON.stringify(exampleBody(fresh))), fresh],
      ['42', undefined],
      ['null', undefined],
      ['', undefined],
    ];
    for (const [rawBody, externalId] of raws) {
      const send = (route: Route) =>
        client.call(route === 'update by id' ? 'updateCustomer' : 'createOrUpdateCustomer', { id: target.customerId, rawBody });
      for (const route of ['create', 'update by id'] as const) await assertRefused(ctx, client, route, target, send, externalId, `a POST with the body ${JSON.stringify(rawBody.slice(0, 60))}`);
    }
    // A property of the wrong JSON type, any documented one, nested ones included.
    await ctx.property(wrongTypeAnyField(ctx), async (broken) => {
      const externalId = ns.next();
      const body = (id: string): Body => ({ ...(broken.value as Body), externalId: id });
      const send = (route: Route) =>
        route === 'create' ? client.createOrUpdate(body(externalId)) : route === 'update by id' ? client.update(target.customerId, body(String(target.externalId))) : client.createOrUpdate(body(String(target.externalId)));
      for (const route of ROUTES) await assertRefused(ctx, client, route, target, send, externalId, `a write with ${broken.pointer} of ${broken.mutation}`);
    }, { runs: fewerRuns(ctx, 2) });
  },

  // Which status each request gets is the business of the rules that own it (auth.*, the
  // required-field rules); here only the codes of the 401s and 400s that came back are judged.
  'trustly.errors.codes': async (ctx: CheckContext) => {
    const client = clientOf(ctx, 'A');
    const ns = new TagNamespace(ctx.tag, 'error-codes');
    const known = customerOf(ctx, await client.createOrUpdate(exampleBody(ns.next())), 'creating a customer to aim at');
    const codesOf = (reply: Reply) => ((reply.json as { errors?: { code?: unknown }[] } | undefined)?.errors ?? []).map((e) => e.code);
    const expectCode = (reply: Reply, status: number, allowed: number[], what: string) => {
      if (reply.status !== status) return;
      const codes = codesOf(reply);
      ctx.assert(codes.some((c) => allowed.includes(c as number)), `${what}: the ${status} carries error code ${codes.join(', ')}`, {
        received: reply.json,
        expected: `an entry with code ${allowed.join(' or ')}`,
      });
    };
    const wrongKey = { id: client.credentials.id, secret: `${client.credentials.secret}-wrong` };
    for (const credentials of [null, wrongKey]) {
      const how = credentials ? 'a wrong accessKey' : 'no credentials';
      for (const [operation, reply] of await everyOperation(client, known, credentials, ns.next())) expectCode(reply, 401, [300, 375], `${operation} with ${how}`);
    }
    for (const violation of REQUIRED_VIOLATIONS) {
      expectCode(await client.createOrUpdate(violateRequired(exampleBody(ns.next()), violation)), 400, [200], `a create with ${violation}`);
      expectCode(await client.update(known.customerId, violateRequired(exampleBody(String(known.externalId)), violation)), 400, [200], `an update with ${violation}`);
    }
  },
});
