import { registerChecks } from '../../src/harness/register-checks.ts';
import { httpChecks } from './http.checks.ts';

registerChecks('trustist', 'http', httpChecks);
