import type { Check } from '../../src/harness/check.ts';
import { authChecks } from './auth.checks.ts';
import { createChecks } from './create.checks.ts';
import { getChecks } from './get.checks.ts';
import { kycChecks } from './kyc.checks.ts';
import { listChecks } from './list.checks.ts';
import { permissionsChecks } from './permissions.checks.ts';
import { statefulChecks } from './stateful.checks.ts';
import { tenancyChecks } from './tenancy.checks.ts';
import { updateInvariantChecks } from './update-invariants.checks.ts';
import { updateChecks } from './update.checks.ts';
import { validationChecks } from './validation.checks.ts';

/**
 * Every Trustist check, one per rule of the spec's x-rules. Create comes first: its invalid-body
 * rule reads the tenant's unfiltered list, which is shortest before the other rules add to it.
 */
export const TRUSTIST_CHECKS: Check[] = [
  ...createChecks,
  ...validationChecks,
  ...getChecks,
  ...updateChecks,
  ...updateInvariantChecks,
  ...listChecks,
  ...tenancyChecks,
  ...permissionsChecks,
  ...authChecks,
  ...kycChecks,
  ...statefulChecks,
];
