import type { CheckContext } from '../runner/check-context.ts';
import type { Reply } from './operation-client.ts';

/**
 * Skips when the target refused (a 4xx) a write that only sets up what a rule judges: whether the
 * refusal breaks a rule is for the rules about that write to say, and every other rule failing on
 * it would bury that one finding under many. Inside a property another value is then drawn. A 401
 * or 403 to a key that holds the operation is never such a refusal.
 */
export function skipIfRefused(ctx: CheckContext, reply: Reply, what: string): void {
  if (reply.status >= 400 && reply.status < 500 && reply.status !== 401 && reply.status !== 403) ctx.skip(`the target refused (${reply.status}) ${what}`);
}
