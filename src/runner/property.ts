import fc from 'fast-check';
import { DEADLINE_REACHED } from '../http/http-session.ts';
import { CredentialRefused, RuleFailure, RuleIncomplete, RuleSkip } from './rule-failure.ts';

export interface PropertyOptions<T = unknown> {
  seed: number;
  numRuns: number;
  path?: string;
  /**
   * Values tried, as they are, before the generated ones: the cases a rule must never miss. A
   * failing example is reported unshrunk (it is chosen to be readable already); fast-check's
   * shrinking of a value it did not generate can cost seconds of CPU on long Unicode strings.
   */
  examples?: T[];
  /** Predicate runs allowed for shrinking after the first failure (default SHRINK_BUDGET). */
  shrinkBudget?: number;
  /** Wall-clock cap of the generated runs (default DEFAULT_TIME_CAP_MS); past it the property is incomplete. */
  timeCapMs?: number;
  /**
   * Milliseconds left before the run's deadline; undefined: none. fast-check is interrupted a
   * second past it: once the deadline refuses every request, each remaining run passes untried,
   * but fast-check would still draw every remaining value, minutes of CPU for a large --runs.
   */
  msToDeadline?: number;
  /** Told the runs asked for and the runs made, whatever the outcome (for the report). */
  onRuns?: (runs: { requested: number; executed: number }) => void;
}

/** The time cap of one property against a fast target; propertyTimeCapMs stretches it for slow ones. */
export const DEFAULT_TIME_CAP_MS = 90_000;
/** What one run of a conformance property is assumed to send, at most, for the time cap. */
const REQUESTS_PER_RUN = 25;

/**
 * The time cap of a property of `numRuns` runs: the default, or longer when the rate cap or the
 * target's measured latency make the runs slower, so a slow target is not cut short where a
 * fast one would not be.
 */
export function propertyTimeCapMs(numRuns: number, rps: number | undefined, latencyMs: number | undefined): number {
  const perRequest = Math.max(latencyMs ?? 0, rps === undefined ? 0 : 1000 / rps);
  return Math.max(DEFAULT_TIME_CAP_MS, Math.ceil(numRuns * REQUESTS_PER_RUN * perRequest));
}

/**
 * Shrinking stops after this many predicate runs past the first failure and reports the smallest
 * counterexample found so far. Each run of a conformance property is several HTTP requests, and
 * a target that fails only some of the time (random id collisions, a flaky cache) makes
 * fast-check's shrinker wander for minutes. A count, not a time, so a seed replays exactly.
 */
export const SHRINK_BUDGET = 300;

/** What ends a property once it was stopped (see runProperty); never reported. */
const STOPPED = new Error('the property was stopped');

/**
 * Runs an async property and turns a failure into a RuleFailure carrying the shrunk
 * counterexample, the seed and the path, so the report can show it and `--seed` replays it.
 */
export async function runProperty<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, options: PropertyOptions<T>): Promise<void> {
  const budget = options.shrinkBudget ?? SHRINK_BUDGET;
  let shrinkRuns = -1;
  let skipped: RuleSkip | undefined;
  // Generated runs that finished before the first failure, and what stopped the property early
  // (the deadline, a lasting 429, a refused credential): after it every run passes untried, so
  // fast-check ends at once, and the property reports how far it got.
  let executed = 0;
  let stop: RuleIncomplete | CredentialRefused | undefined;
  const report = (count: number) => options.onRuns?.({ requested: options.numRuns, executed: count });
  for (const example of options.examples ?? []) {
    try {
      await predicate(example);
    } catch (error) {
      if (error instanceof RuleSkip) continue;
      if (error instanceof RuleIncomplete || error instanceof CredentialRefused) {
        report(0);
        if (error instanceof RuleIncomplete) error.runs = { requested: options.numRuns, executed: 0 };
        throw error;
      }
      const failure = error instanceof RuleFailure ? error : new RuleFailure(`the check threw: ${error instanceof Error ? error.message : String(error)}`);
      failure.counterexample = example;
      failure.seed = options.seed;
      throw failure;
    }
  }
  const timeCap = options.timeCapMs ?? DEFAULT_TIME_CAP_MS;
  const deadlineFirst = options.msToDeadline !== undefined && options.msToDeadline + 1000 < timeCap;
  const interruptAfter = deadlineFirst ? Math.max(0, options.msToDeadline! + 1000) : timeCap;
  // Once stopped, the next run fails with STOPPED, and the candidates fast-check then shrinks it
  // to pass at once: the property ends there. Passing every run instead, fast-check drew every
  // remaining value until its time limit, seconds of CPU in a tight loop.
  let ending = false;
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (value) => {
      if (stop) {
        if (ending) return;
        ending = true;
        throw STOPPED;
      }
      // Past the budget every candidate counts as passing, so the shrinker settles on the last failure.
      if (shrinkRuns >= 0 && ++shrinkRuns > budget) return;
      try {
        await predicate(value);
        if (shrinkRuns < 0) executed++;
      } catch (error) {
        if (error instanceof RuleIncomplete || error instanceof CredentialRefused) {
          // While shrinking, a value that could not be tried does not fail: the failure found stands.
          if (shrinkRuns < 0) stop = error;
          return;
        }
        // A declared skip inside a run (the target refused to set up what this value needs) means
        // the value does not apply: fast-check draws another, as for fc.pre.
        if (error instanceof RuleSkip) {
          skipped = error;
          fc.pre(false);
        }
        // fc.pre's "does not apply to this value" is a skip, not a failure.
        if (shrinkRuns < 0 && !fc.PreconditionFailure.isFailure(error)) shrinkRuns = 0;
        throw error;
      }
    }),
    { seed: options.seed, numRuns: options.numRuns, path: options.path, endOnFailure: false, interruptAfterTimeLimit: interruptAfter, markInterruptAsFailure: false },
  );
  // Interrupted before its first run (the deadline already past), fast-check reports a failure
  // with no counterexample: that is an incomplete property, not a broken one.
  const interruptedEmpty = details.interrupted && details.counterexample === null && details.errorInstance === null;
  if (!details.failed || interruptedEmpty || details.errorInstance === STOPPED) {
    if (stop) {
      report(executed);
      if (stop instanceof RuleIncomplete) stop.runs = { requested: options.numRuns, executed };
      throw stop;
    }
    if (details.interrupted) {
      report(details.numRuns);
      const incomplete = new RuleIncomplete(
        deadlineFirst
          ? `${DEADLINE_REACHED}: stopped after ${details.numRuns} of ${options.numRuns} runs`
          : `the property's time cap of ${Math.round(timeCap / 1000)} s stopped it after ${details.numRuns} of ${options.numRuns} runs`,
      );
      incomplete.runs = { requested: options.numRuns, executed: details.numRuns };
      throw incomplete;
    }
    report(details.numRuns);
    return;
  }
  report(executed);
  // No value applied (fast-check gave up on too many skips): the rule is skipped, with the reason.
  if (details.errorInstance === null && details.counterexample === null && skipped) throw skipped;
  const cause = details.errorInstance;
  const failure =
    cause instanceof RuleFailure
      ? cause
      : new RuleFailure(`the check threw: ${cause instanceof Error ? cause.message : String(cause)}`);
  failure.counterexample = details.counterexample?.[0];
  failure.seed = details.seed;
  failure.path = details.counterexamplePath ?? undefined;
  failure.numRuns = details.numRuns;
  throw failure;
}
