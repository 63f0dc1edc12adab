import fc from 'fast-check';
import { RuleFailure, RuleSkip } from './rule-failure.ts';

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
}

/**
 * Shrinking stops after this many predicate runs past the first failure and reports the smallest
 * counterexample found so far. Each run of a conformance property is several HTTP requests, and
 * a target that fails only some of the time (random id collisions, a flaky cache) makes
 * fast-check's shrinker wander for minutes. A count, not a time, so a seed replays exactly.
 */
export const SHRINK_BUDGET = 300;

/**
 * Runs an async property and turns a failure into a RuleFailure carrying the shrunk
 * counterexample, the seed and the path, so the report can show it and `--seed` replays it.
 */
export async function runProperty<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, options: PropertyOptions<T>): Promise<void> {
  const budget = options.shrinkBudget ?? SHRINK_BUDGET;
  let shrinkRuns = -1;
  let skipped: RuleSkip | undefined;
  for (const example of options.examples ?? []) {
    try {
      await predicate(example);
    } catch (error) {
      if (error instanceof RuleSkip) continue;
      const failure = error instanceof RuleFailure ? error : new RuleFailure(`the check threw: ${error instanceof Error ? error.message : String(error)}`);
      failure.counterexample = example;
      failure.seed = options.seed;
      throw failure;
    }
  }
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (value) => {
      // Past the budget every candidate counts as passing, so the shrinker settles on the last failure.
      if (shrinkRuns >= 0 && ++shrinkRuns > budget) return;
      try {
        await predicate(value);
      } catch (error) {
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
    { seed: options.seed, numRuns: options.numRuns, path: options.path, endOnFailure: false, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: false },
  );
  if (!details.failed) return;
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
