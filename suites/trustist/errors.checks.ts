import { defineChecks } from '../../src/harness/check.ts';
import type { CheckContext } from '../../src/harness/check-context.ts';
import { orgNamespace } from '../../src/vendors/trustist/arbitraries.ts';
import { customerPath, TrustistClient, type Reply } from '../../src/vendors/trustist/client.ts';
import { key, KEY_ROLES } from '../../src/vendors/trustist/credentials.ts';
import { createCustomer } from '../../src/vendors/trustist/expect.ts';

// The docs give refusals a status and a short name, never a body. This rule records, per kind of
// refusal, what the target sends, so a later run (conform diff) shows when that changes.

/** The top-level JSON types of a body, e.g. { error: 'string', message: 'string' }. */
function shapeOf(reply: Reply): unknown {
  const body = reply.body;
  if (body === undefined) return reply.exchange.response?.body === '' ? 'empty' : 'not JSON';
  if (typeof body !== 'object' || body === null) return body === null ? 'null' : typeof body;
  if (Array.isArray(body)) return 'array';
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v]).sort(([x], [y]) => (x! < y! ? -1 : 1)));
}

const describeRefusal = (reply: Reply) => ({
  status: reply.status,
  contentType: (reply.headers['content-type'] ?? '').split(';')[0]!.trim() || 'none',
  body: shapeOf(reply),
});

export const errorChecks = defineChecks('errors', {
  'trustist.errors.shape': async (ctx: CheckContext) => {
    const credentials = key(ctx, 'tenantA');
    const a = new TrustistClient(ctx, credentials);
    const ns = orgNamespace(ctx, 'errors');
    const customer = await createCustomer(ctx, a, { orgId: ns });
    const kinds: Record<string, () => Promise<Reply>> = {
      'invalid body': () => a.raw({ operationId: 'createCustomer', method: 'POST', path: '/v1/customers', body: '[]', contentType: 'application/json', sign: { credentials } }),
      'no credentials': () => a.raw({ operationId: 'getCustomer', method: 'GET', path: customerPath(customer.id) }),
      'unknown customer': () => a.getCustomer(`${customer.id.slice(0, -1)}${customer.id.endsWith('A') ? 'B' : 'A'}`),
      'missing person data': () => a.createOnboardSession({ customerId: customer.id, options: { identity: { identityCheck: true } } }),
    };
    // A key without a permission is optional (design.md); without it that kind is simply not recorded.
    const { idVar, secretVar } = KEY_ROLES.readonly;
    if (ctx.config.env[idVar] && ctx.config.env[secretVar]) {
      const readonly = new TrustistClient(ctx, key(ctx, 'readonly'));
      kinds['missing permission'] = () => readonly.createCustomer({ orgId: ns });
    }
    const observed: Record<string, unknown> = {};
    for (const [kind, send] of Object.entries(kinds)) observed[kind] = describeRefusal(await send());
    ctx.observe(observed);
  },
});
