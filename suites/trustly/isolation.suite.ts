import { registerChecks } from '../../src/vitest/register-checks.ts';
import { isolationChecks } from './isolation.checks.ts';

registerChecks('trustly', 'isolation', isolationChecks);
