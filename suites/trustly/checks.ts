import type { Check } from '../../src/runner/check.ts';
import { kindChecksOf } from '../../src/kinds/kinds.ts';
import { errorsChecks } from './errors.checks.ts';
import { httpChecks } from './http.checks.ts';
import { listChecks } from './list.checks.ts';
import { readingsChecks } from './readings.checks.ts';
import { updateChecks } from './update.checks.ts';
import { upsertChecks } from './upsert.checks.ts';

/**
 * Every Trustly check: exactly one per rule id of the spec's x-rules (the self-test holds us to it);
 * the rules whose entry names a generic kind are judged by it (src/kinds).
 */
export const TRUSTLY_CHECKS: Check[] = [
  ...errorsChecks,
  ...upsertChecks,
  ...listChecks,
  ...updateChecks,
  ...readingsChecks,
  ...kindChecksOf('trustly'),
  // Last: it also judges the 5xx answers every check before it met (server-error-tally.ts).
  ...httpChecks,
];
