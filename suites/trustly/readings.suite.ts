import { registerChecks } from '../../src/vitest/register-checks.ts';
import { readingsChecks } from './readings.checks.ts';

registerChecks('trustly', 'readings', readingsChecks);
