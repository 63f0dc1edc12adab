import type { Check } from '../../src/runner/check.ts';
import { kindChecksOf } from '../../src/kinds/kinds.ts';
import { authChecks } from './auth.checks.ts';
import { kycChecks } from './kyc.checks.ts';
import { listChecks } from './list.checks.ts';
import { httpChecks } from './http.checks.ts';
import { onboardChecks } from './onboard.checks.ts';
import { recordChecks } from './records.checks.ts';
import { writeChecks } from './writes.checks.ts';

/** Every Trustist check, one per rule of the spec's x-rules; a rule whose entry names a generic kind is judged by it (src/kinds). */
export const TRUSTIST_CHECKS: Check[] = [
  ...writeChecks,
  ...kindChecksOf('trustist'),
  ...listChecks,
  ...authChecks,
  ...kycChecks,
  ...recordChecks,
  ...onboardChecks,
  // Last: no-server-error also reads the 5xx answers every earlier rule of the process received.
  ...httpChecks,
];
