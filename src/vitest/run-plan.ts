import { randomBytes, randomInt } from 'node:crypto';
import type { ProfileOptions } from '../mock/profile.ts';
import { isVendor, VENDORS, type Vendor } from '../openapi/vendors.ts';

export const DEFAULT_RUNS = 30;
export const DEFAULT_TIMEOUT_MS = 10_000;
/** vitest's own per-test timeout when the run has no deadline: it bounds a hang, not the speed. */
export const DEFAULT_TEST_TIMEOUT_MS = 120_000;

/**
 * One run of the conformance project, as the command line decided it: checked once, frozen, and
 * handed to the global setup through vitest's `provide` (serialisable: it crosses processes).
 * Credentials are not part of it; they stay in the environment of the process that reads them.
 */
export interface RunPlan {
  readonly vendors: readonly Vendor[];
  /** The target's base URL without a trailing slash; absent: each vendor's embedded mock. */
  readonly target?: string;
  readonly seed: number;
  readonly runs: number;
  readonly runId: string;
  /** Per-request timeout, the whole answer included. */
  readonly timeoutMs: number;
  /** Trustist: hawk, hmac-sha256, or a signer module's absolute path. */
  readonly auth?: string;
  readonly maxWrites?: number;
  readonly rps?: number;
  /** Epoch ms after which no request is sent. */
  readonly deadlineAt?: number;
  readonly strict: boolean;
  /** Embedded mocks only: doc-correct variants to start them with (names of either vendor; each mock takes its own). */
  readonly mockVariants: readonly string[];
  /** Embedded mocks only: a fault to inject (the self-test's and the demo's switch). */
  readonly fault?: string;
  /** Embedded mocks only: each vendor's calibration from an earlier run (conform run --profile). */
  readonly mockProfiles?: Readonly<Partial<Record<Vendor, ProfileOptions>>>;
  /**
   * vitest's per-test timeout. With a deadline it waits past it, so the deadline, which the rule
   * reports as incomplete, ends a slow rule first.
   */
  readonly testTimeoutMs: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by `conform run`; absent when vitest runs the conformance project by hand. */
    conformPlan?: RunPlan;
  }
}

/** The test timeout that lets a run's deadline, not vitest, end a rule. */
export function testTimeoutFor(deadlineAt: number | undefined, now = Date.now()): number {
  return deadlineAt === undefined ? DEFAULT_TEST_TIMEOUT_MS : Math.max(DEFAULT_TEST_TIMEOUT_MS, deadlineAt - now + 60_000);
}

/**
 * Checks a plan and freezes it. A plan is checked here and nowhere else: whoever made it (the
 * command line, or the CONFORM_* variables of a run started by hand), the workers trust it.
 */
export function checkRunPlan(plan: RunPlan): RunPlan {
  const fail = (what: string) => {
    throw new Error(`run plan: ${what}`);
  };
  if (plan.vendors.length === 0) fail('names no vendor');
  for (const v of plan.vendors) if (!isVendor(v)) fail(`names vendor "${v}"; valid: ${VENDORS.join(', ')}`);
  if (plan.target !== undefined) {
    if (plan.vendors.length !== 1) fail('a target needs exactly one vendor');
    if (!URL.canParse(plan.target)) fail(`target "${plan.target}" is not a URL`);
  }
  const whole = (name: string, v: number | undefined, min: number) => {
    if (v !== undefined && !(Number.isSafeInteger(v) && v >= min)) fail(`${name} is ${v}; it must be a whole number of ${min} or more`);
  };
  whole('seed', plan.seed, 0);
  whole('runs', plan.runs, 1);
  whole('timeoutMs', plan.timeoutMs, 1);
  whole('maxWrites', plan.maxWrites, 0);
  whole('deadlineAt', plan.deadlineAt, 1);
  whole('testTimeoutMs', plan.testTimeoutMs, 1);
  if (plan.rps !== undefined && !(Number.isFinite(plan.rps) && plan.rps > 0)) fail(`rps is ${plan.rps}; it must be a number greater than 0`);
  if (!/^[a-z0-9]+$/i.test(plan.runId)) fail(`runId "${plan.runId}" must be letters and digits (it tags created records)`);
  if (plan.mockProfiles !== undefined && plan.target !== undefined) fail('mock profiles calibrate the embedded mocks; a run with a target has none');
  return Object.freeze({ ...plan, vendors: Object.freeze([...plan.vendors]), mockVariants: Object.freeze([...plan.mockVariants]), ...(plan.mockProfiles ? { mockProfiles: Object.freeze({ ...plan.mockProfiles }) } : {}) });
}

/**
 * The plan of a run started by hand (`vitest --project conformance`), from the CONFORM_*
 * variables, read once: CONFORM_VENDORS, CONFORM_TARGET, CONFORM_SEED, CONFORM_RUNS,
 * CONFORM_RUN_ID, CONFORM_TIMEOUT_MS, CONFORM_AUTH, CONFORM_MAX_WRITES, CONFORM_RPS,
 * CONFORM_DEADLINE_AT, CONFORM_STRICT=1, CONFORM_MOCK_VARIANTS, CONFORM_FAULT.
 */
export function runPlanFromEnv(env: NodeJS.ProcessEnv): RunPlan {
  const number = (name: string): number | undefined => {
    const text = env[name];
    if (text === undefined || text === '') return undefined;
    const value = Number(text);
    if (Number.isNaN(value)) throw new Error(`${name} is "${text}"; it must be a number`);
    return value;
  };
  const deadlineAt = number('CONFORM_DEADLINE_AT');
  const maxWrites = number('CONFORM_MAX_WRITES');
  const rps = number('CONFORM_RPS');
  return checkRunPlan({
    vendors: (env.CONFORM_VENDORS || VENDORS.join(',')).split(',').map((v) => v.trim()) as Vendor[],
    ...(env.CONFORM_TARGET ? { target: env.CONFORM_TARGET.replace(/\/$/, '') } : {}),
    seed: number('CONFORM_SEED') ?? randomInt(0, 2 ** 31 - 1),
    runs: number('CONFORM_RUNS') ?? DEFAULT_RUNS,
    runId: env.CONFORM_RUN_ID || randomBytes(4).toString('hex'),
    timeoutMs: number('CONFORM_TIMEOUT_MS') ?? DEFAULT_TIMEOUT_MS,
    ...(env.CONFORM_AUTH ? { auth: env.CONFORM_AUTH } : {}),
    ...(maxWrites === undefined ? {} : { maxWrites }),
    ...(rps === undefined ? {} : { rps }),
    ...(deadlineAt === undefined ? {} : { deadlineAt }),
    strict: env.CONFORM_STRICT === '1',
    mockVariants: mockVariantsFromEnv(env),
    ...(env.CONFORM_FAULT ? { fault: env.CONFORM_FAULT } : {}),
    testTimeoutMs: testTimeoutFor(deadlineAt),
  });
}

/** CONFORM_MOCK_VARIANTS=a,b: the documented way to run the embedded mocks in doc-correct variants. */
export function mockVariantsFromEnv(env: NodeJS.ProcessEnv): string[] {
  return (env.CONFORM_MOCK_VARIANTS ?? '').split(',').map((v) => v.trim()).filter(Boolean);
}
