import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Check } from '../src/harness/check.ts';
import { resolveSigner } from '../src/harness/resolve-signer.ts';
import { runCheck } from '../src/harness/run-check.ts';
import type { RuleOutcome } from '../src/harness/rule-outcome.ts';
import { faultsOf } from '../src/mock/faults.ts';
import { startMock } from '../src/mock/start-mock.ts';
import { loadVendorSpec, VENDORS, type Vendor } from '../src/spec/index.ts';
import { TRUSTIST_CHECKS } from './trustist/checks.ts';
import { TRUSTLY_CHECKS } from './trustly/checks.ts';

// The self-test: the proof that each check works. Against the correct reference mock every
// rule passes (or is observed); against the mock with each injected fault, the rules the fault
// names fail, and only those. The seed is random per run and printed, so a flaky catch shows.

const CHECKS: Record<Vendor, Check[]> = { trustist: TRUSTIST_CHECKS, trustly: TRUSTLY_CHECKS };
const SEED = process.env.CONFORM_SEED ? Number(process.env.CONFORM_SEED) : randomInt(0, 2 ** 31 - 1);
const RUNS = process.env.CONFORM_SELFTEST_RUNS ? Number(process.env.CONFORM_SELFTEST_RUNS) : 30;
/** One whole suite against one mock: about 20 s on a quiet machine, several times that on a busy one. */
const SUITE_TIMEOUT_MS = 240_000;

async function runSuite(vendor: Vendor, fault?: string): Promise<RuleOutcome[]> {
  const mock = await startMock(vendor, { fault, env: {} });
  try {
    const spec = await loadVendorSpec(vendor);
    const signer = await resolveSigner(vendor, undefined);
    const config = { vendor, baseUrl: mock.url, env: mock.credentials, seed: SEED, runs: RUNS, runId: `self${SEED}${fault ? `-${fault}` : ''}`, signer, timeoutMs: 5000, embedded: true };
    const outcomes: RuleOutcome[] = [];
    for (const check of CHECKS[vendor]) outcomes.push(await runCheck(check, spec, config));
    return outcomes;
  } finally {
    await mock.close();
  }
}

const failing = (outcomes: RuleOutcome[]) => outcomes.filter((o) => o.status === 'failed').map((o) => o.id).sort();

describe.each(VENDORS)('%s self-test', (vendor) => {
  const caught: string[] = [];
  const faults = faultsOf(vendor);

  afterAll(() => {
    const score = faults.length === 0 ? 0 : (100 * caught.length) / faults.length;
    console.log(`${vendor} mutation score: ${caught.length}/${faults.length} faults caught (${score.toFixed(1)}%), seed ${SEED}, ${RUNS} runs per property`);
  });

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
    const outcomes = await runSuite(vendor);
    const bad = outcomes.filter((o) => o.status === 'failed' || o.status === 'skipped');
    expect(bad.map((o) => `${o.id}: ${o.status} ${o.failure?.message ?? o.reason ?? ''}`)).toEqual([]);
  }, SUITE_TIMEOUT_MS);

  it.each(faults.map((f) => [f.name, f] as const))(`catches the fault %s on the rules it names (seed ${SEED})`, async (_name, fault) => {
    const failed = failing(await runSuite(vendor, fault.name));
    expect(failed, `${fault.name} should make ${fault.rules[0]} fail`).toContain(fault.rules[0]);
    expect(failed.filter((id) => !fault.rules.includes(id)), `${fault.name} made rules fail that it does not name`).toEqual([]);
    caught.push(fault.name);
  }, SUITE_TIMEOUT_MS);
});
