import { registerChecks } from '../../src/vitest/register-checks.ts';
import { listScopeChecks } from './list-scope.checks.ts';

registerChecks('trustist', 'list-scope', listScopeChecks);
