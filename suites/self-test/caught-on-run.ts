import type { RuleOutcome } from '../../src/results/rule-outcome.ts';
import type { Fault } from '../../src/mock/faults.ts';

/** How soon the rule a fault targets caught it. */
export interface Catch {
  fault: string;
  rule: string;
  /**
   * Property runs of the rule that passed before the one that failed (0: its first run, or one of
   * its chosen examples, caught it); undefined when the rule has no property, only fixed requests.
   */
  passedBefore: number | undefined;
}

export function caughtOnRun(fault: Fault, outcome: RuleOutcome): Catch {
  return { fault: fault.name, rule: outcome.id, passedBefore: outcome.runs?.executed };
}

/**
 * One line for the log: how many faults were caught after how many passing runs, and the latest
 * catch. The target rule's run count rests on it: it must stay well above the latest catch seen.
 */
export function describeCatches(vendor: string, catches: Catch[], targetRuns: number): string {
  const byRuns = new Map<number, number>();
  let fixed = 0;
  let latest: Catch | undefined;
  for (const c of catches) {
    if (c.passedBefore === undefined) {
      fixed++;
      continue;
    }
    byRuns.set(c.passedBefore, (byRuns.get(c.passedBefore) ?? 0) + 1);
    if (!latest || c.passedBefore > latest.passedBefore!) latest = c;
  }
  const counts = [...byRuns].sort(([a], [b]) => a - b).map(([runs, n]) => `${n} after ${runs}`);
  return (
    `${vendor} catches, target rule at ${targetRuns} runs: ${counts.join(', ') || 'none by a property'} passing runs; ${fixed} by fixed requests (no property)` +
    (latest ? `; latest: ${latest.fault} on ${latest.rule} after ${latest.passedBefore} passing runs` : '')
  );
}
