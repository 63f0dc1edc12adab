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
import { startFaultReach } from './fault-reach.ts';
import { limitConcurrency } from './limit-concurrency.ts';

// The self-test: the proof that each check works. Against the correct reference mock every
// rule passes (or is observed); against the mock with each injected fault, the rule the fault
// targets (its first) fails, and no rule it does not name fails. The seed is random per run and
// printed, so a flaky catch shows.
//
// The correct mock gets the full property runs (RUNS) for every rule: that is where each check's
// thoroughness is tested. Against a faulty mock, the targeted rule runs with TARGET_RUNS and must
// fail. The rules the fault does not name run with OTHER_RUNS and must not fail; each of them runs
// only if it could meet the fault: the run against the correct mock counts, rule by rule, which
// faults' consulting spots in the mock's code it reached (fault-reach.ts). A rule that reached no
// spot of a fault there, with more runs (so the same examples and more) than it makes against
// the faulty mock, sends requests that take the same path through the faulty mock, and so passes
// there as it passed here. Left out of that argument: records other rules wrote under the fault,
// which a later rule may see in a list; the checks judge the records they created. The
// rules a fault names besides its target are not run: whether they fail or pass, the self-test
// accepts it. The faults that spill into other rules do so on every example (a mangled create
// breaks every check that creates), so a few runs find that. Shrinking stops after SHRINK_BUDGET
// runs: the self-test asks whether a rule fails, not for the smallest counterexample.
//
// Faults run CONCURRENCY at a time once the correct mock's run is over (they need its counts),
// each against its own mock: a suite spends much of its time waiting (on its mock's answers, on
// checks that wait for a clock to tick), which the others fill. The file prints on which run
// each fault was first caught (caught-on-run.ts): that measurement is what TARGET_RUNS rests on.
// CONFORM_SELFTEST_EVERY_RULE=1 runs every rule against every fault (the named ones too), and
// CONFORM_SELFTEST_TARGET_RUNS=30 with CONFORM_SELFTEST_OTHER_RUNS=30 at full strength.

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

const EVERY_RULE = process.env.CONFORM_SELFTEST_EVERY_RULE === '1';

/** What each rule's run against the correct mock reached: the names of the faults whose spots ran. */
type RuleReach = Map<string, Set<string>>;

interface CorrectRun {
  outcomes: RuleOutcome[];
  reach: RuleReach;
  /** Faults whose name no spot of the mock's code holds (then nothing could tell whether a rule reaches them). */
  unsited: string[];
}

interface SuiteHooks {
  started?: () => Promise<void>;
  ran?: (check: Check) => Promise<void>;
}

async function runSuite(vendor: Vendor, fault: Fault | undefined, runsOf: (check: Check) => number | undefined, hooks: SuiteHooks = {}): Promise<RuleOutcome[]> {
  const mock = await startMock(vendor, { fault: fault?.name, env: {} });
  try {
    await hooks.started?.();
    const spec = await loadVendorSpec(vendor);
    const signer = await resolveSigner(vendor, undefined);
    const config = { vendor, baseUrl: mock.url, env: mock.credentials, seed: SEED, runs: RUNS, runId: `self${SEED}${fault ? `-${fault.name}` : ''}`, signer, timeoutMs: REQUEST_TIMEOUT_MS, embedded: true, shrinkBudget: SHRINK_BUDGET };
    const outcomes: RuleOutcome[] = [];
    for (const check of CHECKS[vendor]) {
      const runs = runsOf(check);
      if (runs === undefined) continue;
      outcomes.push(await runCheck(check, spec, { ...config, runs }));
      await hooks.ran?.(check);
    }
    return outcomes;
  } finally {
    await mock.close();
  }
}

/** Every rule at full runs against the correct mock, counting which faults' spots each one reached. */
async function runCorrect(vendor: Vendor): Promise<CorrectRun> {
  const counter = await startFaultReach(faultsOf(vendor).map((f) => f.name));
  // The first stretch is the mock's start-up, which counts for every rule: a fault read once and kept.
  const outcomes = await runSuite(vendor, undefined, () => RUNS, { started: () => counter.mark(), ran: () => counter.mark() }).catch(async (error: unknown) => {
    await counter.finish();
    throw error;
  });
  const { stretches, unsited } = await counter.finish();
  const [startup, ...perRule] = stretches;
  const reach: RuleReach = new Map(outcomes.map((o, i) => [o.id, new Set([...startup!, ...perRule[i]!])]));
  return { outcomes, reach, unsited };
}

/** The runs of each rule against a faulty mock; undefined: not run (see the comment at the top). */
function faultyRuns(fault: Fault, reach: RuleReach): (check: Check) => number | undefined {
  return (check) => {
    if (fault.rules[0] === check.rule) return Math.min(RUNS, TARGET_RUNS);
    if (EVERY_RULE) return Math.min(RUNS, OTHER_RUNS);
    if (fault.rules.includes(check.rule)) return undefined;
    return reach.get(check.rule)?.has(fault.name) === false ? undefined : Math.min(RUNS, OTHER_RUNS);
  };
}

const failing = (outcomes: RuleOutcome[]) => outcomes.filter((o) => o.status === 'failed').map((o) => o.id).sort();

/** Starts a run now; a failure is kept for the test that awaits it, not reported as unhandled. */
function started<T>(run: () => Promise<T>): Promise<T> {
  const suite = run();
  suite.catch(() => undefined);
  return suite;
}

/** Declares a vendor's self-test: the catalogue checks, the run against the correct mock, and one test per fault. */
export function defineSelfTest(vendor: Vendor): void {
  describe(`${vendor} self-test`, () => {
    const caught: string[] = [];
    const catches: Catch[] = [];
    const faults = faultsOf(vendor);
    const suites = new Map<string, Promise<RuleOutcome[]>>();
    let correct: Promise<CorrectRun>;
    let skipped = 0;
    let ran = 0;

    beforeAll(() => {
      const slot = limitConcurrency(CONCURRENCY);
      correct = started(() => runCorrect(vendor));
      for (const fault of faults)
        suites.set(
          fault.name,
          started(async () => {
            const { reach } = await correct;
            const runsOf = faultyRuns(fault, reach);
            for (const check of CHECKS[vendor]) if (runsOf(check) === undefined) skipped++;
            else ran++;
            return slot(() => runSuite(vendor, fault, runsOf));
          }),
        );
    });

    afterAll(async () => {
      // A test that failed early leaves its neighbours' suites running: their mocks close first.
      await Promise.allSettled([correct, ...suites.values()]);
      const score = faults.length === 0 ? 0 : (100 * caught.length) / faults.length;
      console.log(
        `${vendor} mutation score: ${caught.length}/${faults.length} faults caught (${score.toFixed(1)}%), seed ${SEED}, ${RUNS} runs per property against the correct mock, ${Math.min(RUNS, TARGET_RUNS)} for the rule a fault targets, ${Math.min(RUNS, OTHER_RUNS)} for the others, shrinking stopped after ${SHRINK_BUDGET} runs; ${ran} rule runs against faulty mocks, ${skipped} left out (rules the fault names besides its target, and rules that never reached the fault's spots)`,
      );
      console.log(describeCatches(vendor, catches, Math.min(RUNS, TARGET_RUNS)));
    }, SUITE_TIMEOUT_MS);

    it('has exactly one check for every rule of the catalogue', async () => {
      const { rules } = await loadVendorSpec(vendor);
      expect(CHECKS[vendor].map((c) => c.rule).sort()).toEqual(rules.map((r) => r.id).sort());
    });

    it('every fault names rules of the catalogue, and every MUST and SHOULD rule is the target of a fault', async () => {
      const { rules } = await loadVendorSpec(vendor);
      const ids = new Set(rules.map((r) => r.id));
      for (const fault of faults) for (const rule of fault.rules) expect(ids.has(rule), `${fault.name} names ${rule}`).toBe(true);
      const targeted = new Set(faults.flatMap((f) => f.rules));
      const untargeted = rules.filter((r) => r.level !== 'observed' && !targeted.has(r.id)).map((r) => r.id);
      expect(untargeted).toEqual([]);
    });

    it(`passes every rule against the correct mock (seed ${SEED})`, async () => {
      const { outcomes } = await correct;
      const bad = outcomes.filter((o) => o.status !== 'passed' && o.status !== 'observed');
      expect(bad.map((o) => `${o.id}: ${o.status} ${o.failure?.message ?? o.reason ?? ''}`)).toEqual([]);
    }, SUITE_TIMEOUT_MS);

    it('finds every fault consulted by name in the mock\'s code, where the counts look for it', async () => {
      // A fault without a spot would count as never reached: every rule but its target left out.
      expect((await correct).unsited).toEqual([]);
    }, SUITE_TIMEOUT_MS);

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
