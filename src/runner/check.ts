import type { CheckContext } from './check-context.ts';

/**
 * The check of one rule: a plain function registered under the rule's stable id. It passes by
 * returning, fails by throwing a RuleFailure, and declares "does not apply" with ctx.skip(reason).
 */
export interface Check {
  rule: string;
  /** The suite area (file) it belongs to, e.g. "auth", "update". */
  area: string;
  run(ctx: CheckContext): Promise<void>;
}

export function defineChecks(area: string, checks: Record<string, (ctx: CheckContext) => Promise<void>>): Check[] {
  return Object.entries(checks).map(([rule, run]) => ({ rule, area, run }));
}
