import { registerChecks } from '../../src/vitest/register-checks.ts';
import { recordChecks } from './records.checks.ts';

registerChecks('trustist', 'records', recordChecks);
