import { registerChecks } from '../../src/vitest/register-checks.ts';
import { authChecks } from './auth.checks.ts';

registerChecks('trustist', 'auth', authChecks);
