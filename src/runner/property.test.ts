import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runProperty } from './property.ts';
import { RuleFailure, RuleIncomplete } from './rule-failure.ts';
import { TagNamespace } from './tag-namespace.ts';

describe('runProperty shrink budget', () => {
  it('stops shrinking after the budget and still reports a failing counterexample', async () => {
    let calls = 0;
    let firstFailure = -1;
    const failing: number[] = [];
    const run = runProperty(
      fc.array(fc.nat(1000), { minLength: 5, maxLength: 50 }),
      async (xs) => {
        calls++;
        if (xs.length >= 3) {
          if (firstFailure < 0) firstFailure = calls;
          failing.push(xs.length);
          throw new RuleFailure('too long');
        }
      },
      { seed: 42, numRuns: 10, shrinkBudget: 4 },
    );
    const failure = await run.then(() => undefined, (e: unknown) => e as RuleFailure);
    expect(failure).toBeInstanceOf(RuleFailure);
    expect(calls - firstFailure).toBeLessThanOrEqual(4);
    expect((failure!.counterexample as number[]).length).toBe(failing[failing.length - 1]);
  });

  it('does not count fc.pre skips as the first failure', async () => {
    let calls = 0;
    await runProperty(
      fc.nat(100),
      async (n) => {
        calls++;
        fc.pre(n % 2 === 0);
      },
      { seed: 7, numRuns: 20, shrinkBudget: 0 },
    );
    expect(calls).toBeGreaterThan(20);
  });
});

describe('runProperty and the run deadline', () => {
  it('stops drawing values once the deadline has passed, and is incomplete, not passed, naming the deadline', async () => {
    let tried = 0;
    let runs = { requested: 0, executed: 0 };
    const outcome = runProperty(
      fc.integer(),
      async () => {
        tried++;
      },
      { seed: 1, numRuns: 1_000_000, msToDeadline: -1000, onRuns: (r) => (runs = r) },
    );
    await expect(outcome).rejects.toBeInstanceOf(RuleIncomplete);
    await expect(outcome).rejects.toThrow(/run deadline reached/);
    expect(runs.requested).toBe(1_000_000);
    expect(runs.executed).toBeLessThan(1_000_000);
    expect(tried).toBeLessThan(1_000_000);
  });
});

describe('TagNamespace', () => {
  it('hands out tagged keys of which none is a prefix of another', () => {
    const ns = new TagNamespace('conform-abc', 'list');
    const keys = Array.from({ length: 120 }, () => ns.next());
    expect(new Set(keys).size).toBe(keys.length);
    for (const a of keys) {
      expect(a.startsWith('conform-abc-list-')).toBe(true);
      for (const b of keys) if (a !== b) expect(b.startsWith(a)).toBe(false);
    }
  });
});
