import type { CheckContext } from '../runner/check-context.ts';
import { expectStatus } from './judge.ts';
import type { Data, Reply } from './operation-client.ts';

/**
 * The records of a list answer. A filter that matches nothing may answer 404 or an empty list:
 * either shows nothing. Any other status but 200 fails the rule in hand.
 */
export function listedRecords(ctx: CheckContext, reply: Reply, what: string): Data[] {
  if (reply.status === 404) return [];
  expectStatus(ctx, reply, [200], what);
  return reply.records ?? [];
}
