import { registerChecks } from '../../src/harness/register-checks.ts';
import { listChecks } from './list.checks.ts';

registerChecks('trustly', 'list', listChecks);
