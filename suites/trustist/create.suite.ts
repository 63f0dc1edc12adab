import { registerChecks } from '../../src/vitest/register-checks.ts';
import { createChecks } from './create.checks.ts';

registerChecks('trustist', 'create', createChecks);
