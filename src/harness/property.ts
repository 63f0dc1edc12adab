import fc from 'fast-check';
import { RuleFailure } from './rule-failure.ts';

export interface PropertyOptions {
  seed: number;
  numRuns: number;
  path?: string;
}

/**
 * Runs an async property and turns a failure into a RuleFailure carrying the shrunk
 * counterexample, the seed and the path, so the report can show it and `--seed` replays it.
 */
export async function runProperty<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, options: PropertyOptions): Promise<void> {
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (value) => {
      await predicate(value);
    }),
    { seed: options.seed, numRuns: options.numRuns, path: options.path, endOnFailure: false, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: false },
  );
  if (!details.failed) return;
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
