import type { Check } from '../../src/harness/check.ts';
import { authChecks } from './auth.checks.ts';
import { createChecks } from './create.checks.ts';
import { errorsChecks } from './errors.checks.ts';
import { getChecks } from './get.checks.ts';
import { isolationChecks } from './isolation.checks.ts';
import { listChecks } from './list.checks.ts';
import { readingsChecks } from './readings.checks.ts';
import { statefulChecks } from './stateful.checks.ts';
import { timestampsChecks } from './timestamps.checks.ts';
import { updateChecks } from './update.checks.ts';
import { upsertChecks } from './upsert.checks.ts';
import { validationChecks } from './validation.checks.ts';

/** Every Trustly check: exactly one per rule id of the spec's x-rules (the self-test holds us to it). */
export const TRUSTLY_CHECKS: Check[] = [
  ...authChecks,
  ...errorsChecks,
  ...createChecks,
  ...validationChecks,
  ...getChecks,
  ...upsertChecks,
  ...listChecks,
  ...updateChecks,
  ...timestampsChecks,
  ...isolationChecks,
  ...statefulChecks,
  ...readingsChecks,
];
