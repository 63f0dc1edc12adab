import { registerChecks } from '../../src/harness/register-checks.ts';
import { authChecks } from './auth.checks.ts';

registerChecks('trustist', 'auth', authChecks);
