import { registerChecks } from '../../src/vitest/register-checks.ts';
import { validationChecks } from './validation.checks.ts';

registerChecks('trustist', 'validation', validationChecks);
