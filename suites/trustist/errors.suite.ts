import { registerChecks } from '../../src/harness/register-checks.ts';
import { errorChecks } from './errors.checks.ts';

registerChecks('trustist', 'errors', errorChecks);
