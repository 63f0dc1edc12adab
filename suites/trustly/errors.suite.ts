import { registerChecks } from '../../src/harness/register-checks.ts';
import { errorsChecks } from './errors.checks.ts';

registerChecks('trustly', 'errors', errorsChecks);
