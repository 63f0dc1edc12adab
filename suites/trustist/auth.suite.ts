import { registerChecks } from '../../src/vitest/register-checks.ts';
import { authChecks } from './auth.checks.ts';
import { recordChecks } from './records.checks.ts';

// Two light areas in one file: the observed record rules make few requests, as the Hawk rules do.
registerChecks('trustist', 'auth', authChecks);
registerChecks('trustist', 'records', recordChecks);
