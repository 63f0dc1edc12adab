import type { CheckContext } from '../../runner/check-context.ts';
import { expectStatus } from '../../kinds/judge.ts';
import type { Customer, Reply } from './client.ts';

// The customers of the answers, failing the rule (kinds' expectStatus) when the status is not the documented success.

/** The customer of a 200 envelope; fails on any other status. */
export function customerOf(ctx: CheckContext, reply: Reply, what: string): Customer {
  expectStatus(ctx, reply, [200], what);
  return reply.customer!;
}

/**
 * The customers of a list; fails on any status but 200 and 404. Whether a filter that matches
 * nothing answers 200 with none or 404 is not documented (the spec's x-ambiguity): a 404 is read
 * as no customers, and the caller judges the contents.
 */
export function customersOf(ctx: CheckContext, reply: Reply, what: string): Customer[] {
  if (reply.status === 404) return [];
  expectStatus(ctx, reply, [200], what);
  return reply.customers!;
}
