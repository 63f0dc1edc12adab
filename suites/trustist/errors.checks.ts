import { sendPlain, sendSigned } from '../../src/checks/send-as-documented.ts';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import type { Exchange } from '../../src/http/exchange.ts';
import { OperationClient } from '../../src/kinds/operation-client.ts';
import { orgNamespace } from '../../src/vendors/trustist/arbitraries.ts';
import { createCustomer } from './create-customer.ts';

// The docs give refusals a status and a short name, never a body. This rule records, per kind of
// refusal, what the target sends, so a later run (conform diff) shows when that changes. The
// refusals are sent without response validation: a status the spec does not document is the
// business of the rule about that refusal (get.unknown, auth.required, ...), not of this one.

/** The top-level JSON types of a body, e.g. { error: 'string', message: 'string' }. */
function shapeOf(text: string, json: unknown): unknown {
  if (json === undefined) return text === '' ? 'empty' : 'not JSON';
  if (typeof json !== 'object' || json === null) return json === null ? 'null' : typeof json;
  if (Array.isArray(json)) return 'array';
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v]).sort(([x], [y]) => (x! < y! ? -1 : 1)));
}

function describeRefusal(sent: Exchange): unknown {
  if (!sent.response) return { error: sent.error ?? 'no answer' };
  const { status, headers, body, json } = sent.response;
  return { status, contentType: (headers['content-type'] ?? '').split(';')[0]!.trim() || 'none', body: shapeOf(body, json) };
}

export const errorChecks = defineChecks('errors', {
  'trustist.errors.shape': async (ctx: CheckContext) => {
    const a = new OperationClient(ctx, 'tenantA');
    const credentials = a.credentials;
    const ns = orgNamespace(ctx, 'errors');
    const id = a.idOf(await createCustomer(ctx, a, { orgId: ns }));
    const unknownId = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
    const customerPath = (customer: string) => `/v1/customers/${encodeURIComponent(customer)}`;
    const json = (value: unknown) => ({ body: JSON.stringify(value), contentType: 'application/json' });
    const kinds: Record<string, () => Promise<Exchange>> = {
      'invalid body': () => sendSigned(ctx, credentials, { method: 'POST', path: '/v1/customers', ...json([]) }),
      'no credentials': () => sendPlain(ctx, { method: 'GET', path: customerPath(id) }),
      'unknown customer': () => sendSigned(ctx, credentials, { method: 'GET', path: customerPath(unknownId) }),
      'missing person data': () => sendSigned(ctx, credentials, { method: 'POST', path: '/v1/onboard/sessions', ...json({ customerId: id, options: { identity: { identityCheck: true } } }) }),
    };
    // A key without a permission is optional (design.md); without it that kind is simply not recorded.
    const { idVar, secretVar } = ctx.spec.conform.credentials.readonly!;
    if (ctx.config.env[idVar] && ctx.config.env[secretVar]) {
      const readonly = new OperationClient(ctx, 'readonly').credentials;
      kinds['missing permission'] = () => sendSigned(ctx, readonly, { method: 'POST', path: '/v1/customers', ...json({ orgId: ns }) });
    }
    const observed: Record<string, unknown> = {};
    for (const [kind, send] of Object.entries(kinds)) observed[kind] = describeRefusal(await send());
    ctx.observe(observed);
  },
});
