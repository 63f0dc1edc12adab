import { registerChecks } from '../../src/vitest/register-checks.ts';
import { listChecks } from './list.checks.ts';

registerChecks('trustly', 'list', listChecks);
