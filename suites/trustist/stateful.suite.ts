import { registerChecks } from '../../src/harness/register-checks.ts';
import { statefulChecks } from './stateful.checks.ts';

registerChecks('trustist', 'stateful', statefulChecks);
