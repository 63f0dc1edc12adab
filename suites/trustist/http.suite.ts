import { registerChecks } from '../../src/vitest/register-checks.ts';
import { httpChecks } from './http.checks.ts';

registerChecks('trustist', 'http', httpChecks);
