import type { CheckContext } from '../../runner/check-context.ts';
import type { Customer, Reply } from './client.ts';

// Status assertions shared by the checks. The message names the public call, and Received shows
// the status with the body, because a bare "got 400" hides which field the target objected to.

/** Fails unless the reply's status is one of `expected`. */
export function expectStatus(ctx: CheckContext, reply: Reply, expected: number | number[], what: string): void {
  const allowed = Array.isArray(expected) ? expected : [expected];
  ctx.assert(allowed.includes(reply.status), `${what} answered ${reply.status}`, {
    received: { status: reply.status, body: reply.json },
    expected: `status ${allowed.join(' or ')}`,
  });
}

/** The customer of a 200 envelope; fails on any other status. */
export function customerOf(ctx: CheckContext, reply: Reply, what: string): Customer {
  expectStatus(ctx, reply, 200, what);
  return reply.customer!;
}

/**
 * The customers of a list; fails on any status but 200 and 404. Whether a filter that matches
 * nothing answers 200 with none or 404 is not documented (the spec's x-ambiguity): a 404 is read
 * as no customers, and the caller judges the contents.
 */
export function customersOf(ctx: CheckContext, reply: Reply, what: string): Customer[] {
  if (reply.status === 404) return [];
  expectStatus(ctx, reply, 200, what);
  return reply.customers!;
}
