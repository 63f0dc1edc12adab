import { registerChecks } from '../../src/vitest/register-checks.ts';
import { getChecks } from './get.checks.ts';

registerChecks('trustist', 'get', getChecks);
