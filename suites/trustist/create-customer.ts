import type { CheckContext } from '../../src/runner/check-context.ts';
import { expectStatus } from '../../src/kinds/judge.ts';
import { skipIfRefused } from '../../src/kinds/skip-if-refused.ts';
import type { Data, OperationClient } from '../../src/kinds/operation-client.ts';
import { inNamespace, orgNamespace } from '../../src/vendors/trustist/arbitraries.ts';

/**
 * Creates a customer a rule starts from. A refusal of the value (a 4xx but 401 and 403, which
 * refuse the key) is a declared skip, and inside a property fast-check draws another: whether it
 * breaks a rule is for the create rules to say, not for every rule at once. Likewise a new customer
 * given the id of an earlier one of this rule: create.duplicates-allowed judges that.
 */
export async function createCustomer(ctx: CheckContext, a: OperationClient, body: Data): Promise<Data> {
  const reply = await a.create(body);
  skipIfRefused(ctx, reply, `to create the customer this rule starts from: ${JSON.stringify(body).slice(0, 200)}`);
  expectStatus(ctx, reply, [200, 201], 'a valid create (needed to set up this rule)');
  const customer = a.recordOf(reply, 'createCustomer');
  if (reply.reused) ctx.skip(`the target gave a new customer the id ${a.idOf(customer)} of an earlier one of this rule`);
  return customer;
}

/** A customer made from `template` in a fresh namespace of `label`, as a get then reads it. */
export async function storedCustomer(ctx: CheckContext, a: OperationClient, template: Data, label: string): Promise<Data> {
  const id = a.idOf(await createCustomer(ctx, a, inNamespace(template, orgNamespace(ctx, label))));
  return a.recordOf(await a.get(id), 'tenant A reads its own customer');
}

/** The ids of a list's records, sorted. */
export const idsOf = (records: Data[] | undefined): string[] => (records ?? []).map((r) => String(r.id)).sort();
