import { sendPlain, sendSigned } from '../../src/checks/send-as-documented.ts';
import type { Exchange } from '../../src/http/exchange.ts';
import { instantOf } from '../../src/kinds/record-model.ts';
import { OperationClient } from '../../src/kinds/operation-client.ts';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { orgNamespace } from '../../src/vendors/trustist/arbitraries.ts';
import { createCustomer } from './create-customer.ts';

// What the docs show but do not promise, recorded so that a later run (conform diff) shows when it
// changes: a new record's id and stamps (its tenantId is the scope-field kind's, the spec's
// x-rules), and the body of each kind of refusal.

/** How many records the observed rules look at: enough to see a pattern, few enough to stay cheap on a live target. */
const SAMPLE = 5;

/** The character classes an id is made of, e.g. ['digit', 'lower', 'upper']. */
const alphabetOf = (id: string) => [...id].map((c) => (/[0-9]/.test(c) ? 'digit' : /[a-z]/.test(c) ? 'lower' : /[A-Z]/.test(c) ? 'upper' : JSON.stringify(c)));

/** The form an id has, as far as the docs name forms. */
function idForm(id: string): string {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return 'guid';
  if (/^[A-Za-z0-9_-]{22}$/.test(id)) return 'shortguid-22';
  return /^[A-Za-z0-9]{12}$/.test(id) ? 'base62-12 (as the example)' : 'other';
}

const sortedSet = <T>(values: T[]): T[] => [...new Set(values)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));

/** A refusal as recorded: its status, content type and the top-level JSON types of its body, e.g. { error: 'string' }. */
function describeRefusal(sent: Exchange): unknown {
  if (!sent.response) return { error: sent.error ?? 'no answer' };
  const { status, headers, body: text, json } = sent.response;
  const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  const entries = typeof json === 'object' && json !== null && !Array.isArray(json) ? Object.entries(json).sort(([x], [y]) => (x < y ? -1 : 1)) : undefined;
  const body = json === undefined ? (text === '' ? 'empty' : 'not JSON') : entries ? Object.fromEntries(entries.map(([k, v]) => [k, typeOf(v)])) : typeOf(json);
  return { status, contentType: (headers['content-type'] ?? '').split(';')[0]!.trim() || 'none', body };
}

export const recordChecks = defineChecks('records', {
  'trustist.customers.create.equal-stamps': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const equal: string[] = [];
    for (let i = 0; i < SAMPLE; i++) {
      const { created, lastUpdated } = await createCustomer(ctx, a, { orgId: orgNamespace(ctx, 'stamps'), firstName: 'Stamped' });
      // Equal as text, equal as instants (different spellings of one time), or different.
      const sameInstant = typeof instantOf(created, 'rfc3339') === 'number' && instantOf(created, 'rfc3339') === instantOf(lastUpdated, 'rfc3339');
      equal.push(created === lastUpdated ? 'same text' : sameInstant ? 'same instant, different text' : 'different');
    }
    ctx.observe({ createdEqualsLastUpdated: sortedSet(equal) });
  },

  'trustist.customers.id.format': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const ids: string[] = [];
    for (let i = 0; i < SAMPLE; i++) ids.push(a.idOf(await createCustomer(ctx, a, { orgId: orgNamespace(ctx, 'id') })));
    ctx.observe({ length: sortedSet(ids.map((id) => id.length)), alphabet: sortedSet(ids.flatMap(alphabetOf)), form: sortedSet(ids.map(idForm)) });
  },

  // The docs give refusals a status and a short name, never a body. The refusals are sent without
  // response validation: a status the spec does not document is the business of the rule about
  // that refusal (get.unknown, auth.required, ...), not of this one.
  'trustist.errors.shape': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const ns = orgNamespace(ctx, 'errors');
    const id = a.idOf(await createCustomer(ctx, a, { orgId: ns }));
    const unknownId = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
    const customerPath = (customer: string) => `/v1/customers/${encodeURIComponent(customer)}`;
    const post = (path: string, value: unknown) => ({ method: 'POST', path, body: JSON.stringify(value), contentType: 'application/json' });
    const kinds: Record<string, () => Promise<Exchange>> = {
      'invalid body': () => sendSigned(ctx, a.credentials, post('/v1/customers', [])),
      'no credentials': () => sendPlain(ctx, { method: 'GET', path: customerPath(id) }),
      'unknown customer': () => sendSigned(ctx, a.credentials, { method: 'GET', path: customerPath(unknownId) }),
      'missing person data': () => sendSigned(ctx, a.credentials, post('/v1/onboard/sessions', { customerId: id, options: { identity: { identityCheck: true } } })),
    };
    // A key without a permission is optional (design.md); without it that kind is simply not recorded.
    const { idVar, secretVar } = ctx.spec.conform.credentials.readonly!;
    if (ctx.config.env[idVar] && ctx.config.env[secretVar]) {
      const readonly = new OperationClient(ctx, 'readonly').credentials;
      kinds['missing permission'] = () => sendSigned(ctx, readonly, post('/v1/customers', { orgId: ns }));
    }
    const observed: Record<string, unknown> = {};
    for (const [kind, send] of Object.entries(kinds)) observed[kind] = describeRefusal(await send());
    ctx.observe(observed);
  },
});
