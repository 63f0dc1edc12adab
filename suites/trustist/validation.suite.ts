import { registerChecks } from '../../src/harness/register-checks.ts';
import { validationChecks } from './validation.checks.ts';

registerChecks('trustist', 'validation', validationChecks);
