import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runProperty } from './property.ts';
import { RuleFailure, RuleSkip } from './rule-failure.ts';

describe('runProperty examples', () => {
  it('tries the examples first and reports a failing one as it is', async () => {
    const seen: string[] = [];
    const failure = await runProperty(
      fc.string(),
      async (s) => {
        seen.push(s);
        if (s.length > 64) throw new RuleFailure('truncated');
      },
      { seed: 1, numRuns: 5, examples: ['short', 'x'.repeat(100)] },
    ).then(() => undefined, (e: unknown) => e as RuleFailure);
    expect(seen.slice(0, 2)).toEqual(['short', 'x'.repeat(100)]);
    expect(failure?.counterexample).toBe('x'.repeat(100));
    expect(failure?.seed).toBe(1);
  });
});

describe('runProperty declared skips', () => {
  it('treats a RuleSkip in one run as "this value does not apply" and goes on', async () => {
    let checked = 0;
    await runProperty(
      fc.nat(100),
      async (n) => {
        if (n % 2 === 1) throw new RuleSkip('the target refused to set up an odd value');
        checked++;
      },
      { seed: 3, numRuns: 20 },
    );
    expect(checked).toBe(20);
  });

  it('skips the rule, with the reason, when no value applies', async () => {
    const outcome = await runProperty(
      fc.nat(),
      async () => {
        throw new RuleSkip('the target refused every create');
      },
      { seed: 3, numRuns: 3 },
    ).then(() => undefined, (e: unknown) => e);
    expect(outcome).toBeInstanceOf(RuleSkip);
    expect((outcome as RuleSkip).reason).toBe('the target refused every create');
  });
});
