import { registerChecks } from '../../src/harness/register-checks.ts';
import { readingsChecks } from './readings.checks.ts';

registerChecks('trustly', 'readings', readingsChecks);
