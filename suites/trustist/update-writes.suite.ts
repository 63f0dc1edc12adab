import { registerChecks } from '../../src/vitest/register-checks.ts';
import { updateWriteChecks } from './update-writes.checks.ts';

registerChecks('trustist', 'update-writes', updateWriteChecks);
