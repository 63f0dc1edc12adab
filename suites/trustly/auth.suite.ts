import { registerChecks } from '../../src/vitest/register-checks.ts';
import { authChecks } from './auth.checks.ts';

registerChecks('trustly', 'auth', authChecks);
