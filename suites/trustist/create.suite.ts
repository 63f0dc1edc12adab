import { registerChecks } from '../../src/harness/register-checks.ts';
import { createChecks } from './create.checks.ts';

registerChecks('trustist', 'create', createChecks);
