import type { CheckContext } from '../runner/check-context.ts';

/**
 * A generic kind of check: a plain function, written once for every vendor, that judges one rule
 * with the facts of the spec's x-conform and the parameters of the rule's x-rules entry.
 */
export type Kind = (ctx: CheckContext, params: Record<string, unknown>) => Promise<void>;
