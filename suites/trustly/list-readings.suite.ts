import { registerChecks } from '../../src/vitest/register-checks.ts';
import { listReadingsChecks } from './list-readings.checks.ts';

registerChecks('trustly', 'list-readings', listReadingsChecks);
