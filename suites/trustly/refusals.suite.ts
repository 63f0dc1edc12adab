import { registerChecks } from '../../src/vitest/register-checks.ts';
import { refusalsChecks } from './refusals.checks.ts';

registerChecks('trustly', 'refusals', refusalsChecks);
