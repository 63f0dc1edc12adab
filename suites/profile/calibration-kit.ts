import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import type { Check } from '../../src/runner/check.ts';
import { resolveSigner } from '../../src/auth/resolve-signer.ts';
import { runCheck } from '../../src/runner/run-check.ts';
import { calibrate, profileRules, type ProfileOptions } from '../../src/mock/profile.ts';
import { startMock, type MockOptions } from '../../src/mock/start-mock.ts';
import { loadVendorSpec, type Vendor } from '../../src/openapi/index.ts';
import { buildResults } from '../../src/results/build-results.ts';
import { diffResults, type ResultsDiff } from '../../src/results/diff-results.ts';
import { documentedField } from '../../src/results/documented-field.ts';
import type { ResultsDocument } from '../../src/results/results.ts';
import { TRUSTIST_CHECKS } from '../trustist/checks.ts';
import { TRUSTLY_CHECKS } from '../trustly/checks.ts';

// Drives the checks in-process against a mock and gathers the outcomes into the results.json a
// `conform run --target <mock url>` writes, so a profile can be read from it and two runs compared
// with conform diff's own function. Few runs: the readings a profile carries show on the first
// requests, not on rare data.

const CHECKS: Record<Vendor, Check[]> = { trustist: TRUSTIST_CHECKS, trustly: TRUSTLY_CHECKS };

export const SEED = process.env.CONFORM_SEED ? Number(process.env.CONFORM_SEED) : randomInt(0, 2 ** 31 - 1);
export const RUNS = 3;

/** The rules of `rules` run against a mock started with `options`, as one results document of a run against its URL. */
export async function runAgainst(vendor: Vendor, options: MockOptions, rules: readonly string[]): Promise<ResultsDocument> {
  const mock = await startMock(vendor, { env: {}, ...options });
  try {
    const spec = await loadVendorSpec(vendor);
    const signer = await resolveSigner(vendor, undefined);
    const runId = `profile${SEED}`;
    const config = { vendor, baseUrl: mock.url, env: mock.credentials, seed: SEED, runs: RUNS, runId, signer, timeoutMs: 5000, embedded: true };
    const outcomes = [];
    for (const check of CHECKS[vendor]) if (rules.includes(check.rule)) outcomes.push(await runCheck(check, spec, config));
    const description = { vendor, target: mock.url, embedded: false, seed: SEED, runs: RUNS, runId, startedAt: new Date().toISOString(), durationMs: 0, toolVersion: 'test' };
    return buildResults(description, outcomes);
  } finally {
    await mock.close();
  }
}

/** conform diff of two runs of one vendor. */
export async function diffRuns(baseline: ResultsDocument, current: ResultsDocument): Promise<ResultsDiff> {
  return diffResults(baseline, current, documentedField((await loadVendorSpec(current.vendor)).spec));
}

export const failed = (document: ResultsDocument) => document.rules.filter((r) => r.status === 'failed').map((r) => `${r.id}: ${r.failure?.message ?? ''}`);

/**
 * The round trip: the rules that record readings, run against a mock started with `options` (the
 * target), calibrate a mock from that run's results, run the same rules against it with the same
 * seed and runs, and conform diff finds no change. The profile must have recovered every choice
 * the target made, and named nothing it could not reproduce but the drift those choices cause.
 */
export async function expectCalibrationReproduces(vendor: Vendor, options: ProfileOptions): Promise<void> {
  const rules = profileRules(vendor);
  const original = await runAgainst(vendor, options, rules);
  expect(failed(original)).toEqual([]);

  const profile = calibrate(original);
  expect([...(profile.options.variants ?? [])].sort()).toEqual([...(options.variants ?? [])].sort());
  expect(profile.options.pageSize).toBe(options.pageSize);
  expect(profile.options.basePath).toBe(options.basePath);
  expect(profile.options.hawkLenient).toBe(options.hawkLenient);
  expect(profile.notReproduced.filter((n) => !n.startsWith('drift recorded'))).toEqual([]);

  const calibrated = await runAgainst(vendor, profile.options, rules);
  const diff = await diffRuns(original, calibrated);
  expect(diff.rules).toEqual([]);
  expect(diff.observations).toEqual([]);
  expect(diff.fields).toEqual([]);
}
