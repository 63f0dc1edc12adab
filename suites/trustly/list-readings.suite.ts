import { registerChecks } from '../../src/harness/register-checks.ts';
import { listReadingsChecks } from './list-readings.checks.ts';

registerChecks('trustly', 'list-readings', listReadingsChecks);
