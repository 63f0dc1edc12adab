import { registerChecks } from '../../src/harness/register-checks.ts';
import { recordChecks } from './records.checks.ts';

registerChecks('trustist', 'records', recordChecks);
