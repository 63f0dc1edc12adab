import { registerChecks } from '../../src/vitest/register-checks.ts';
import { updateChecks } from './update.checks.ts';

registerChecks('trustist', 'update', updateChecks);
