import { describe, expect, it } from 'vitest';
import { calibrate, profileRules } from '../../src/mock/profile.ts';
import { diffRuns, failed, runAgainst, SEED } from './calibration-kit.ts';

// A mock calibrated from a run makes the choices the run's target made where the docs are open:
// the suite run against it again, same seed and runs, observes exactly what it observed against
// the target (conform diff: no change in observations or fingerprint). Two targets cover every
// Trustly variant and a base path between them.

const RULES = profileRules('trustly');

const TARGETS = [
  {
    name: 'nulls for unset properties, no customers unfiltered, externalId case ignored, unknown customerId created, under /api-gw',
    options: { variants: ['absent-as-null', 'list-unfiltered-none', 'external-id-case-insensitive', 'upsert-unknown-customer-id-creates'], basePath: '/api-gw' },
  },
  {
    name: 'unfiltered lists refused, 404 for no match, enrollDate from createdAt',
    options: { variants: ['list-unfiltered-400', 'list-no-match-404', 'enroll-date-defaults-to-created'] },
  },
];

describe(`Trustly mock calibrated from a run (seed ${SEED})`, () => {
  it.each(TARGETS)('reproduces a target with $name', { timeout: 120_000 }, async ({ options }) => {
    const original = await runAgainst('trustly', options, RULES);
    expect(failed(original)).toEqual([]);

    const profile = calibrate(original);
    expect([...(profile.options.variants ?? [])].sort()).toEqual([...options.variants].sort());
    expect(profile.options.basePath).toBe(options.basePath);
    expect(profile.notReproduced.filter((n) => !n.startsWith('drift recorded'))).toEqual([]);

    const calibrated = await runAgainst('trustly', profile.options, RULES);
    const diff = await diffRuns(original, calibrated);
    expect(diff.rules).toEqual([]);
    expect(diff.observations).toEqual([]);
    expect(diff.fields).toEqual([]);
  });

  it('a profile taken from a faulty target leaves the fault out: upsert-customer-id-ignored fails upsert.customer-id there, which passes on the calibrated mock', { timeout: 120_000 }, async () => {
    const rules = [...RULES, 'trustly.customers.upsert.customer-id'];
    const original = await runAgainst('trustly', { fault: 'upsert-customer-id-ignored', variants: ['list-no-match-404'] }, rules);
    expect(original.rules.find((r) => r.id === 'trustly.customers.upsert.customer-id')?.status).toBe('failed');

    const profile = calibrate(original);
    expect(profile.options.variants).toContain('list-no-match-404');
    const calibrated = await runAgainst('trustly', profile.options, ['trustly.customers.upsert.customer-id']);
    expect(failed(calibrated)).toEqual([]);
  });
});
