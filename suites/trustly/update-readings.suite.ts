import { registerChecks } from '../../src/vitest/register-checks.ts';
import { updateReadingsChecks } from './update-readings.checks.ts';

registerChecks('trustly', 'update-readings', updateReadingsChecks);
