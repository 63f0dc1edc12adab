import { describe, expect, it } from 'vitest';
import { checkRunPlan, DEFAULT_RUNS, DEFAULT_TEST_TIMEOUT_MS, runPlanFromEnv, testTimeoutFor, type RunPlan } from './run-plan.ts';

const PLAN: RunPlan = {
  vendors: ['trustist'],
  seed: 7,
  runs: 5,
  runId: 'abc123',
  timeoutMs: 10_000,
  strict: false,
  mockVariants: [],
  testTimeoutMs: 120_000,
};

describe('checkRunPlan', () => {
  it('returns a frozen copy of a sound plan', () => {
    const plan = checkRunPlan({ ...PLAN, mockVariants: ['create-200'] });
    expect(plan).toEqual({ ...PLAN, mockVariants: ['create-200'] });
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.vendors)).toBe(true);
    expect(Object.isFrozen(plan.mockVariants)).toBe(true);
  });

  it('refuses, naming the field, what the workers could not use', () => {
    expect(() => checkRunPlan({ ...PLAN, vendors: ['paypal' as never] })).toThrow(/vendor "paypal"; valid: trustist, trustly/);
    expect(() => checkRunPlan({ ...PLAN, vendors: ['trustist', 'trustly'], target: 'http://127.0.0.1:1' })).toThrow(/exactly one vendor/);
    expect(() => checkRunPlan({ ...PLAN, target: 'not a url' })).toThrow(/not a URL/);
    expect(() => checkRunPlan({ ...PLAN, runs: 0 })).toThrow(/runs is 0/);
    expect(() => checkRunPlan({ ...PLAN, maxWrites: 1.5 })).toThrow(/maxWrites is 1.5/);
    expect(() => checkRunPlan({ ...PLAN, rps: 0 })).toThrow(/rps is 0/);
    expect(() => checkRunPlan({ ...PLAN, runId: 'a b' })).toThrow(/runId/);
  });
});

describe('runPlanFromEnv', () => {
  it('translates the CONFORM_* variables of a run started by hand', () => {
    const plan = runPlanFromEnv({
      CONFORM_VENDORS: 'trustly',
      CONFORM_TARGET: 'http://127.0.0.1:4010/',
      CONFORM_SEED: '42',
      CONFORM_RUNS: '3',
      CONFORM_RUN_ID: 'r1',
      CONFORM_TIMEOUT_MS: '500',
      CONFORM_MAX_WRITES: '9',
      CONFORM_RPS: '0.5',
      CONFORM_DEADLINE_AT: '2000000000000',
      CONFORM_STRICT: '1',
      CONFORM_MOCK_VARIANTS: 'absent-as-null, create-200',
      CONFORM_FAULT: 'update-replaces',
    });
    expect(plan).toEqual({
      vendors: ['trustly'],
      target: 'http://127.0.0.1:4010',
      seed: 42,
      runs: 3,
      runId: 'r1',
      timeoutMs: 500,
      maxWrites: 9,
      rps: 0.5,
      deadlineAt: 2_000_000_000_000,
      strict: true,
      mockVariants: ['absent-as-null', 'create-200'],
      fault: 'update-replaces',
      testTimeoutMs: plan.testTimeoutMs,
    });
    expect(plan.testTimeoutMs).toBeGreaterThan(DEFAULT_TEST_TIMEOUT_MS);
  });

  it('defaults to every vendor against the embedded mocks', () => {
    const plan = runPlanFromEnv({});
    expect(plan.vendors).toEqual(['trustist', 'trustly']);
    expect(plan.target).toBeUndefined();
    expect(plan.runs).toBe(DEFAULT_RUNS);
    expect(plan.testTimeoutMs).toBe(DEFAULT_TEST_TIMEOUT_MS);
  });

  it('refuses a variable that is not a number, naming it', () => {
    expect(() => runPlanFromEnv({ CONFORM_RPS: 'fast' })).toThrow(/CONFORM_RPS is "fast"/);
    expect(() => runPlanFromEnv({ CONFORM_MAX_WRITES: '-1' })).toThrow(/maxWrites is -1/);
  });
});

describe('testTimeoutFor', () => {
  it('waits past the deadline so that the deadline ends a slow rule first', () => {
    expect(testTimeoutFor(undefined)).toBe(DEFAULT_TEST_TIMEOUT_MS);
    expect(testTimeoutFor(1_000_000, 0)).toBe(1_060_000);
    expect(testTimeoutFor(10, 0)).toBe(DEFAULT_TEST_TIMEOUT_MS);
  });
});
