import { registerChecks } from '../../src/vitest/register-checks.ts';
import { errorChecks } from './errors.checks.ts';

registerChecks('trustist', 'errors', errorChecks);
