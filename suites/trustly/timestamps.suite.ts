import { registerChecks } from '../../src/harness/register-checks.ts';
import { timestampsChecks } from './timestamps.checks.ts';

registerChecks('trustly', 'timestamps', timestampsChecks);
