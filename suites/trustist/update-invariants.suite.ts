import { registerChecks } from '../../src/vitest/register-checks.ts';
import { updateInvariantChecks } from './update-invariants.checks.ts';

registerChecks('trustist', 'update-invariants', updateInvariantChecks);
