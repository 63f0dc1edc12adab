import { registerChecks } from '../../src/harness/register-checks.ts';
import { isolationChecks } from './isolation.checks.ts';

registerChecks('trustly', 'isolation', isolationChecks);
