import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Check } from '../../src/runner/check.ts';
import { resolveSigner } from '../../src/auth/resolve-signer.ts';
import { runCheck } from '../../src/runner/run-check.ts';
import type { RuleOutcome } from '../../src/results/rule-outcome.ts';
import { faultsOf, type Fault } from '../../src/mock/faults.ts';
import { startMock } from '../../src/mock/start-mock.ts';
import { loadVendorSpec, type Vendor } from '../../src/openapi/index.ts';
import { TRUSTIST_CHECKS } from '../trustist/checks.ts';
import { TRUSTLY_CHECKS } from '../trustly/checks.ts';
import { caughtOnRun, describeCatches, type Catch } from './caught-on-run.ts';
import { limitConcurrency } from './limit-concurrency.ts';

// The self-test: the proof that each check works. Against the correct reference mock every
// rule passes (or is observed); against the mock with each injected fault, the rules the fault
// names fail, and only those. The seed is random per run and printed, so a flaky catch shows.
//
// It is split over several files (<vendor>-<part>.test.ts) so that vitest spreads the faults
// over the machine's cores; within a file, CONCURRENCY suites run at once, each against its own
// mock: a suite spends much of its time waiting (on its mock's answers, on checks that wait for a
// clock to tick), which the others fill. The correct mock gets the full property runs (RUNS) for
// every rule: that is where each check's thoroughness is tested. Against a faulty mock, the rule
// the fault targets (its first) runs with TARGET_RUNS and must fail; every other rule runs with
// fewer (OTHER_RUNS), since it need not fail: the fault's other rules may fail, and the rest must
// not. The faults that spill into other rules do so on every example (a mangled create breaks
// every check that creates), so a few runs find that. Shrinking stops after SHRINK_BUDGET runs:
// the self-test asks whether a rule fails, not for the smallest counterexample.
//
// Each file prints on which run each of its faults was first caught (caught-on-run.ts): that
// measurement is what TARGET_RUNS rests on. Set CONFORM_SELFTEST_TARGET_RUNS=30 and
// CONFORM_SELFTEST_OTHER_RUNS=30 to run every rule at full strength against every fault.

const CHECKS: Record<Vendor, Check[]> = { trustist: TRUSTIST_CHECKS, trustly: TRUSTLY_CHECKS };
const SEED = process.env.CONFORM_SEED ? Number(process.env.CONFORM_SEED) : randomInt(0, 2 ** 31 - 1);
const RUNS = process.env.CONFORM_SELFTEST_RUNS ? Number(process.env.CONFORM_SELFTEST_RUNS) : 30;
const TARGET_RUNS = process.env.CONFORM_SELFTEST_TARGET_RUNS ? Number(process.env.CONFORM_SELFTEST_TARGET_RUNS) : 30;
const OTHER_RUNS = process.env.CONFORM_SELFTEST_OTHER_RUNS ? Number(process.env.CONFORM_SELFTEST_OTHER_RUNS) : 3;
const CONCURRENCY = process.env.CONFORM_SELFTEST_CONCURRENCY ? Number(process.env.CONFORM_SELFTEST_CONCURRENCY) : 3;
const SHRINK_BUDGET = 10;
/**
 * A request's timeout. The mock shares the checks' process and, here, with the file's other
 * suites: on a crowded machine an answer may wait seconds for the event loop, and a timed-out
 * request fails its rule. It bounds a hang, not the mock's speed.
 */
const REQUEST_TIMEOUT_MS = 60_000;
/**
 * A test waits for its suite, which may wait for a free slot behind the others of its file: the
 * bound of a hang, on a machine many times slower than a quiet one, not a speed limit.
 */
const SUITE_TIMEOUT_MS = 600_000;

async function runSuite(vendor: Vendor, fault?: Fault): Promise<RuleOutcome[]> {
  const mock = await startMock(vendor, { fault: fault?.name, env: {} });
  try {
    const spec = await loadVendorSpec(vendor);
    const signer = await resolveSigner(vendor, undefined);
    const config = { vendor, baseUrl: mock.url, env: mock.credentials, seed: SEED, runs: RUNS, runId: `self${SEED}${fault ? `-${fault.name}` : ''}`, signer, timeoutMs: REQUEST_TIMEOUT_MS, embedded: true, shrinkBudget: SHRINK_BUDGET };
    const outcomes: RuleOutcome[] = [];
    for (const check of CHECKS[vendor]) {
      const runs = !fault ? RUNS : fault.rules[0] === check.rule ? Math.min(RUNS, TARGET_RUNS) : Math.min(RUNS, OTHER_RUNS);
      outcomes.push(await runCheck(check, spec, { ...config, runs }));
    }
    return outcomes;
  } finally {
    await mock.close();
  }
}

const failing = (outcomes: RuleOutcome[]) => outcomes.filter((o) => o.status === 'failed').map((o) => o.id).sort();

/** Starts a suite now; a failure is kept for the test that awaits it, not reported as unhandled. */
function started(run: () => Promise<RuleOutcome[]>): Promise<RuleOutcome[]> {
  const suite = run();
  suite.catch(() => undefined);
  return suite;
}

/**
 * Declares part `part` (1-based) of `parts` of a vendor's self-test: every parts-th fault, and in
 * part 1 the catalogue checks and the run against the correct mock.
 */
export function defineSelfTest(vendor: Vendor, part: number, parts: number): void {
  describe(`${vendor} self-test, part ${part} of ${parts}`, () => {
    const caught: string[] = [];
    const catches: Catch[] = [];
    const all = faultsOf(vendor);
    const faults = all.filter((_, index) => index % parts === part - 1);
    // Every suite of the file starts at once, CONCURRENCY at a time; each test reads its own.
    const suites = new Map<string, Promise<RuleOutcome[]>>();
    let correct: Promise<RuleOutcome[]> | undefined;

    beforeAll(() => {
      const slot = limitConcurrency(CONCURRENCY);
      // The correct mock's suite is the longest (full runs on every rule): first in line.
      if (part === 1) correct = started(() => slot(() => runSuite(vendor)));
      for (const fault of faults) suites.set(fault.name, started(() => slot(() => runSuite(vendor, fault))));
    });

    afterAll(async () => {
      // A test that failed early leaves its neighbours' suites running: their mocks close first.
      await Promise.allSettled([correct, ...suites.values()]);
      const score = faults.length === 0 ? 0 : (100 * caught.length) / faults.length;
      console.log(
        `${vendor} mutation score, part ${part} of ${parts}: ${caught.length}/${faults.length} faults caught (${score.toFixed(1)}%; ${all.length} faults in all parts), seed ${SEED}, ${RUNS} runs per property against the correct mock, ${Math.min(RUNS, TARGET_RUNS)} for the rule a fault targets, ${Math.min(RUNS, OTHER_RUNS)} for the others, shrinking stopped after ${SHRINK_BUDGET} runs`,
      );
      console.log(describeCatches(vendor, catches, Math.min(RUNS, TARGET_RUNS)));
    }, SUITE_TIMEOUT_MS);

    if (part === 1) {
      it('has exactly one check for every rule of the catalogue', async () => {
        const { rules } = await loadVendorSpec(vendor);
        expect(CHECKS[vendor].map((c) => c.rule).sort()).toEqual(rules.map((r) => r.id).sort());
      });

      it('every fault names rules of the catalogue, and every MUST and SHOULD rule is the target of a fault', async () => {
        const { rules } = await loadVendorSpec(vendor);
        const ids = new Set(rules.map((r) => r.id));
        for (const fault of all) for (const rule of fault.rules) expect(ids.has(rule), `${fault.name} names ${rule}`).toBe(true);
        const targeted = new Set(all.flatMap((f) => f.rules));
        const untargeted = rules.filter((r) => r.level !== 'observed' && !targeted.has(r.id)).map((r) => r.id);
        expect(untargeted).toEqual([]);
      });

      it(`passes every rule against the correct mock (seed ${SEED})`, async () => {
        const outcomes = await correct!;
        const bad = outcomes.filter((o) => o.status !== 'passed' && o.status !== 'observed');
        expect(bad.map((o) => `${o.id}: ${o.status} ${o.failure?.message ?? o.reason ?? ''}`)).toEqual([]);
      }, SUITE_TIMEOUT_MS);
    }

    it.each(faults.map((f) => [f.name, f] as const))(`catches the fault %s on the rules it names (seed ${SEED})`, async (name, fault) => {
      const outcomes = await suites.get(name)!;
      const failed = failing(outcomes);
      expect(failed, `${fault.name} should make ${fault.rules[0]} fail`).toContain(fault.rules[0]);
      // With each one's failure message: a collateral failure names what the check met.
      const collateral = outcomes.filter((o) => failed.includes(o.id) && !fault.rules.includes(o.id)).map((o) => `${o.id}: ${o.failure?.message ?? o.reason ?? o.status}`);
      expect(collateral, `${fault.name} made rules fail that it does not name`).toEqual([]);
      caught.push(fault.name);
      catches.push(caughtOnRun(fault, outcomes.find((o) => o.id === fault.rules[0])!));
    }, SUITE_TIMEOUT_MS);
  });
}
