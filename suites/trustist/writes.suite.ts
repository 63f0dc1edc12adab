import { registerChecks } from '../../src/vitest/register-checks.ts';
import { writeChecks } from './writes.checks.ts';

registerChecks('trustist', 'writes', writeChecks);
