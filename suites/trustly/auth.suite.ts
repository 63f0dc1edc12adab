import { registerChecks } from '../../src/harness/register-checks.ts';
import { authChecks } from './auth.checks.ts';

registerChecks('trustly', 'auth', authChecks);
