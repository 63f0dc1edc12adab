import { registerChecks } from '../../src/vitest/register-checks.ts';
import { statefulChecks } from './stateful.checks.ts';

registerChecks('trustly', 'stateful', statefulChecks);
