import { describe, expect, it } from 'vitest';
import { calibrate } from '../../src/mock/profile.ts';
import { expectCalibrationReproduces, failed, runAgainst, SEED } from './calibration-kit.ts';

// A Trustly mock calibrated from a run makes the choices the run's target made where the docs are
// open (calibration-kit.ts). The two targets cover every Trustly variant and a base path.

describe(`Trustly mock calibrated from a run (seed ${SEED})`, () => {
  it('reproduces a target with nulls for unset properties, no customers unfiltered, externalId case ignored, unknown customerId created, under /api-gw', { timeout: 120_000 }, async () => {
    await expectCalibrationReproduces('trustly', { variants: ['absent-as-null', 'list-unfiltered-none', 'external-id-case-insensitive', 'upsert-unknown-customer-id-creates'], basePath: '/api-gw' });
  });

  it('reproduces a target with unfiltered lists refused, 404 for no match, enrollDate from createdAt', { timeout: 120_000 }, async () => {
    await expectCalibrationReproduces('trustly', { variants: ['list-unfiltered-400', 'list-no-match-404', 'enroll-date-defaults-to-created'] });
  });

  it('a profile taken from a faulty target leaves the fault out: upsert-customer-id-ignored fails upsert.customer-id there, which passes on the calibrated mock', { timeout: 120_000 }, async () => {
    const rules = ['trustly.customers.list.no-match', 'trustly.customers.upsert.customer-id'];
    const original = await runAgainst('trustly', { fault: 'upsert-customer-id-ignored', variants: ['list-no-match-404'] }, rules);
    expect(original.rules.find((r) => r.id === 'trustly.customers.upsert.customer-id')?.status).toBe('failed');

    const profile = calibrate(original);
    expect(profile.options.variants).toEqual(['list-no-match-404']);
    const calibrated = await runAgainst('trustly', profile.options, ['trustly.customers.upsert.customer-id']);
    expect(failed(calibrated)).toEqual([]);
  });
});
