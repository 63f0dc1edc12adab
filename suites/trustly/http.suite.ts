import { registerChecks } from '../../src/vitest/register-checks.ts';
import { httpChecks } from './http.checks.ts';

registerChecks('trustly', 'http', httpChecks);
