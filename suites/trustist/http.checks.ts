import { noServerErrorCheck } from '../../src/checks/no-server-error.ts';
import { unsupportedMethodCheck } from '../../src/checks/unsupported-method.ts';
import { defineChecks } from '../../src/harness/check.ts';
import type { CheckContext } from '../../src/harness/check-context.ts';
import { inNamespace, orgNamespace } from '../../src/vendors/trustist/arbitraries.ts';
import { TrustistClient } from '../../src/vendors/trustist/client.ts';
import { key } from '../../src/vendors/trustist/credentials.ts';
import { createCustomer, idsOf, stateOf } from '../../src/vendors/trustist/expect.ts';

// The generic HTTP rules (src/checks), aimed at Trustist: tenant A's full key, a customer of the
// check's own, and bodies tagged with the run's orgId.

export const httpChecks = defineChecks('http', {
  'trustist.http.unsupported-method': async (ctx: CheckContext) => {
    const credentials = key(ctx, 'tenantA');
    const a = new TrustistClient(ctx, credentials);
    const orgId = orgNamespace(ctx, 'method');
    const customer = await createCustomer(ctx, a, { orgId, firstName: 'Unchanged', lastName: 'Record' });
    await unsupportedMethodCheck(ctx, {
      credentials,
      pathValues: { id: customer.id },
      // A create or update that went through would add a customer to `orgId` or change this one.
      body: (template) => (template === '/v1/onboard/sessions' ? { customerId: customer.id, options: { ais: { balances: true } } } : { orgId, firstName: 'Changed', lastName: 'By an unsupported method' }),
      snapshot: async () => {
        const got = await a.getCustomer(customer.id);
        const list = await a.listCustomers(orgId);
        return { customer: got.status === 200 ? stateOf(got.body) : { status: got.status }, listed: list.status === 200 ? idsOf(list.customers) : { status: list.status } };
      },
    });
  },

  'trustist.http.no-server-error': async (ctx: CheckContext) => {
    const credentials = key(ctx, 'tenantA');
    const a = new TrustistClient(ctx, credentials);
    const customer = await createCustomer(ctx, a, { orgId: orgNamespace(ctx, 'sweep'), firstName: 'Swept' });
    await noServerErrorCheck(ctx, {
      credentials,
      pathValues: { id: customer.id },
      prepare: (operationId, body) => {
        if (operationId === 'createOnboardSession') return { ...body, customerId: customer.id };
        // Creates (and updates, which may add orgId) carry the run's tag, like every record the suite writes.
        return 'orgId' in body || operationId === 'createCustomer' ? inNamespace(body, orgNamespace(ctx, 'sweep')) : body;
      },
    });
  },
});
