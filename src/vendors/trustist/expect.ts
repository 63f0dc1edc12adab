import type { CheckContext } from '../../runner/check-context.ts';
import type { Reply, TrustistClient } from './client.ts';
import { fieldsOf, type Customer, type CustomerFields } from './model.ts';
import { instant } from './timestamps.ts';

// Assertions the Trustist checks share. Each failure says what the target answered and what
// the docs lead one to expect, in the Received/Expected form of RuleFailure.

const describe = (reply: Reply) => `${reply.exchange.request.method} ${new URL(reply.exchange.request.url).pathname}`;

/** Fails unless the reply's status is one of `statuses`. */
export function expectStatus(ctx: CheckContext, reply: Reply, statuses: number[], why: string): void {
  ctx.assert(statuses.includes(reply.status), `${describe(reply)} answered ${reply.status}: ${why}`, {
    received: { status: reply.status, body: reply.body },
    expected: statuses.length === 1 ? statuses[0] : statuses,
  });
}

/** The customer a create returned; fails unless it answered 200 or 201 (both documented). */
export function expectCreated(ctx: CheckContext, reply: Reply<Customer>, why = 'the documented create success is 200 or 201'): Customer {
  expectStatus(ctx, reply, [200, 201], why);
  return reply.body;
}

/** The customer a get or update returned; fails unless it answered 200. */
export function expectOk(ctx: CheckContext, reply: Reply<Customer>, why: string): Customer {
  expectStatus(ctx, reply, [200], why);
  return reply.body;
}

/**
 * Whether a 4xx refuses the value sent (so the value does not apply) rather than the credential:
 * a 401 or 403 to a key that holds the operation is never a reason to skip, it fails the rule in
 * hand (or, a 401 to a configured key, stops the run: TrustistClient).
 */
export function refusesTheValue(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 403;
}

/**
 * Creates a customer a rule needs as its starting point. A refusal (4xx) means the rule cannot be
 * judged with this value: a declared skip (inside a property, fast-check draws another value).
 * Whether the refusal itself breaks a rule is for the create rules (all-optional, create.schema)
 * to say; every other rule failing on it would bury that one finding under many.
 */
export async function createCustomer(ctx: CheckContext, client: TrustistClient, body: Record<string, unknown>, options: { allowReusedId?: boolean } = {}): Promise<Customer> {
  const reply = await client.createCustomer(body);
  if (refusesTheValue(reply.status)) ctx.skip(`the target refused (${reply.status}) to create the customer this rule starts from: ${JSON.stringify(body).slice(0, 200)}`);
  const customer = expectCreated(ctx, reply, 'a valid create (needed to set up this rule) must succeed with 200 or 201');
  // Likewise a new customer given the id of one this rule created before: the earlier one is
  // probably gone, and the rule's premise with it. create.duplicates-allowed judges that.
  if (reply.reused && !options.allowReusedId) ctx.skip(`the target gave a new customer the id ${customer.id} of an earlier one of this rule`);
  return customer;
}

/** Whether a JSON value carries `needle` anywhere: in a key, or in a string at any depth. */
export function carries(value: unknown, needle: string): boolean {
  if (typeof value === 'string') return value.includes(needle);
  if (Array.isArray(value)) return value.some((v) => carries(v, needle));
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([k, v]) => k.includes(needle) || carries(v, needle));
  return false;
}

/** The ids of a list of customers. */
export function idsOf(customers: Customer[]): string[] {
  return customers.map((c) => c.id).sort();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What of a record the docs define: ids, timestamps and documented fields (vendors may add others, which may move). */
export function stateOf(record: Customer): { id: string; tenantId: unknown; created: unknown; lastUpdated: unknown; fields: CustomerFields } {
  return { id: record.id, tenantId: record.tenantId ?? null, created: instant(record.created), lastUpdated: instant(record.lastUpdated), fields: fieldsOf(record) };
}

/** Fails unless the record is as it was: same documented fields, ids and timestamps. */
export function expectUnchanged(ctx: CheckContext, after: Customer, before: Customer, message: string): void {
  ctx.assertEqual(stateOf(after), stateOf(before), message);
}
