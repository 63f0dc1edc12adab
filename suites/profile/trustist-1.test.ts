import { describe, it } from 'vitest';
import { expectCalibrationReproduces, SEED } from './calibration-kit.ts';

// A Trustist mock calibrated from a run makes the choices the run's target made where the docs
// are open (calibration-kit.ts). This target and trustist-2's cover every Trustist variant between
// them; this one adds paging, a base path and the lenient payload hash. Two files, so that vitest
// runs them side by side.

describe(`Trustist mock calibrated from a run (seed ${SEED})`, () => {
  it('reproduces a target with problem+json errors, nulls, create 200, wrapped lists paged 3 at a time, merged addresses, merchant key 403, under /gw, payload hash optional', { timeout: 120_000 }, async () => {
    await expectCalibrationReproduces('trustist', {
      variants: ['errors-problem-json', 'absent-as-null', 'create-200', 'list-wrapped', 'address-update-merges', 'merchant-key-403'],
      pageSize: 3,
      basePath: '/gw',
      hawkLenient: true,
    });
  });
});
