import { registerChecks } from '../../src/vitest/register-checks.ts';
import { timestampsChecks } from './timestamps.checks.ts';

registerChecks('trustly', 'timestamps', timestampsChecks);
