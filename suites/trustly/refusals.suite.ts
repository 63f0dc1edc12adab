import { registerChecks } from '../../src/harness/register-checks.ts';
import { refusalsChecks } from './refusals.checks.ts';

registerChecks('trustly', 'refusals', refusalsChecks);
