import { registerChecks } from '../../src/vitest/register-checks.ts';
import { createReadingsChecks } from './create-readings.checks.ts';

registerChecks('trustly', 'create-readings', createReadingsChecks);
