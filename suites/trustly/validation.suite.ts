import { registerChecks } from '../../src/vitest/register-checks.ts';
import { validationChecks } from './validation.checks.ts';

registerChecks('trustly', 'validation', validationChecks);
