import { describe, expect, it } from 'vitest';
import { calibrate, profileRules } from '../../src/mock/profile.ts';
import { diffRuns, failed, runAgainst, SEED } from './calibration-kit.ts';

// A mock calibrated from a run makes the choices the run's target made where the docs are open:
// the suite run against it again, same seed and runs, observes exactly what it observed against
// the target (conform diff: no change in observations or fingerprint). Two targets cover every
// Trustist variant, paging, a base path and the lenient payload hash between them.

const RULES = profileRules('trustist');

const TARGETS = [
  {
    name: 'problem+json errors, nulls, create 200, wrapped lists paged 3 at a time, merged addresses, merchant key 403, under /gw, payload hash optional',
    options: { variants: ['errors-problem-json', 'absent-as-null', 'create-200', 'list-wrapped', 'address-update-merges', 'merchant-key-403'], pageSize: 3, basePath: '/gw', hawkLenient: true },
  },
  {
    name: 'text/plain errors with an empty 401, +00:00 on reads, null in a create as absent, missing_person_data 422',
    options: { variants: ['errors-text-plain', 'unauthorized-empty', 'timestamps-offset', 'create-null-as-absent', 'missing-person-data-422'] },
  },
];

describe(`Trustist mock calibrated from a run (seed ${SEED})`, () => {
  it.each(TARGETS)('reproduces a target with $name', { timeout: 120_000 }, async ({ options }) => {
    const original = await runAgainst('trustist', options, RULES);
    expect(failed(original)).toEqual([]);

    const profile = calibrate(original);
    expect([...(profile.options.variants ?? [])].sort()).toEqual([...options.variants].sort());
    expect(profile.options.pageSize).toBe(options.pageSize);
    expect(profile.options.basePath).toBe(options.basePath);
    expect(profile.options.hawkLenient).toBe(options.hawkLenient);
    // Nothing the mock could not reproduce, but the drift the adopted readings cause.
    expect(profile.notReproduced.filter((n) => !n.startsWith('drift recorded'))).toEqual([]);

    const calibrated = await runAgainst('trustist', profile.options, RULES);
    const diff = await diffRuns(original, calibrated);
    expect(diff.rules).toEqual([]);
    expect(diff.observations).toEqual([]);
    expect(diff.fields).toEqual([]);
  });

  it('a profile taken from a faulty target leaves the fault out: get-unknown-400 is named, not adopted, and get.unknown passes', { timeout: 120_000 }, async () => {
    const rules = ['trustist.customers.create.schema', 'trustist.errors.shape', 'trustist.customers.get.unknown'];
    const original = await runAgainst('trustist', { fault: 'get-unknown-400', variants: ['create-200'] }, rules);
    expect(original.rules.find((r) => r.id === 'trustist.customers.get.unknown')?.status).toBe('failed');

    const profile = calibrate(original);
    expect(profile.options.variants).toEqual(['create-200']);
    expect(profile.notReproduced).toContainEqual(expect.stringMatching(/^trustist\.errors\.shape: unknown customer answered 400 \(the mock answers 404\)$/));

    const calibrated = await runAgainst('trustist', profile.options, ['trustist.customers.get.unknown', 'trustist.errors.shape']);
    expect(calibrated.rules.find((r) => r.id === 'trustist.customers.get.unknown')?.status).toBe('passed');
    expect(JSON.stringify(calibrated.rules.find((r) => r.id === 'trustist.errors.shape')?.observation)).toMatch(/"unknown customer":\{"status":404/);
  });
});
