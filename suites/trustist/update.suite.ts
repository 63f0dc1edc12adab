import { registerChecks } from '../../src/harness/register-checks.ts';
import { updateChecks } from './update.checks.ts';

registerChecks('trustist', 'update', updateChecks);
