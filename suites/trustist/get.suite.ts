import { registerChecks } from '../../src/harness/register-checks.ts';
import { getChecks } from './get.checks.ts';

registerChecks('trustist', 'get', getChecks);
