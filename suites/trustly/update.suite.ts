import { registerChecks } from '../../src/vitest/register-checks.ts';
import { updateChecks } from './update.checks.ts';

registerChecks('trustly', 'update', updateChecks);
