import { describe, expect, it } from 'vitest';
import { calibrate } from '../../src/mock/profile.ts';
import { expectCalibrationReproduces, runAgainst, SEED } from './calibration-kit.ts';

// The rest of the Trustist variants (see trustist-1), and a profile from a faulty target.

describe(`Trustist mock calibrated from a run (seed ${SEED})`, () => {
  it('reproduces a target with text/plain errors and an empty 401, +00:00 on reads, null in a create read as absent, missing_person_data 422', { timeout: 120_000 }, async () => {
    await expectCalibrationReproduces('trustist', { variants: ['errors-text-plain', 'unauthorized-empty', 'timestamps-offset', 'create-null-as-absent', 'missing-person-data-422'] });
  });

  it('a profile taken from a faulty target leaves the fault out: get-unknown-400 is named, not adopted, and get.unknown passes', { timeout: 120_000 }, async () => {
    const rules = ['trustist.customers.create.schema', 'trustist.errors.shape', 'trustist.customers.get.unknown'];
    const original = await runAgainst('trustist', { fault: 'get-unknown-400', variants: ['create-200'] }, rules);
    expect(original.rules.find((r) => r.id === 'trustist.customers.get.unknown')?.status).toBe('failed');

    const profile = calibrate(original);
    expect(profile.options.variants).toEqual(['create-200']);
    expect(profile.notReproduced).toContainEqual('trustist.errors.shape: unknown customer answered 400 (the mock answers 404)');

    const calibrated = await runAgainst('trustist', profile.options, ['trustist.customers.get.unknown', 'trustist.errors.shape']);
    expect(calibrated.rules.find((r) => r.id === 'trustist.customers.get.unknown')?.status).toBe('passed');
    expect(JSON.stringify(calibrated.rules.find((r) => r.id === 'trustist.errors.shape')?.observation)).toMatch(/"unknown customer":\{"status":404/);
  });
});
