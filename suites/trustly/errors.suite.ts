import { registerChecks } from '../../src/vitest/register-checks.ts';
import { errorsChecks } from './errors.checks.ts';

registerChecks('trustly', 'errors', errorsChecks);
