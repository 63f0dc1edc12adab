import type { CheckContext } from '../../runner/check-context.ts';
import type { Reply, TrustistClient } from './client.ts';
import type { Customer } from './model.ts';

// Assertions of the checks on TrustistClient, in the Received/Expected form of RuleFailure.

/** Fails unless the reply's status is one of `statuses`. */
export function expectStatus(ctx: CheckContext, reply: Reply, statuses: number[], why: string): void {
  const { method, url } = reply.exchange.request;
  ctx.assert(statuses.includes(reply.status), `${method} ${new URL(url).pathname} answered ${reply.status}: ${why}`, {
    received: { status: reply.status, body: reply.body },
    expected: statuses.length === 1 ? statuses[0] : statuses,
  });
}

/** The customer a get or update returned; fails unless it answered 200. */
export function expectOk(ctx: CheckContext, reply: Reply<Customer>, why: string): Customer {
  expectStatus(ctx, reply, [200], why);
  return reply.body;
}

/**
 * Creates a customer a rule starts from. A refusal of the value (a 4xx other than 401 or 403) is
 * a declared skip, as is a new customer given the id of an earlier one of this rule (unless
 * allowed): see suites/trustist/create-customer.ts, the same for OperationClient.
 */
export async function createCustomer(ctx: CheckContext, client: TrustistClient, body: Record<string, unknown>, options: { allowReusedId?: boolean } = {}): Promise<Customer> {
  const reply = await client.createCustomer(body);
  if (reply.status >= 400 && reply.status < 500 && reply.status !== 401 && reply.status !== 403) ctx.skip(`the target refused (${reply.status}) to create the customer this rule starts from: ${JSON.stringify(body).slice(0, 200)}`);
  expectStatus(ctx, reply, [200, 201], 'a valid create (needed to set up this rule) must succeed with 200 or 201');
  if (reply.reused && !options.allowReusedId) ctx.skip(`the target gave a new customer the id ${reply.body.id} of an earlier one of this rule`);
  return reply.body;
}

/** The ids of a list of customers. */
export function idsOf(customers: Customer[]): string[] {
  return customers.map((c) => c.id).sort();
}
