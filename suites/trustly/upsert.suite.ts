import { registerChecks } from '../../src/harness/register-checks.ts';
import { upsertChecks } from './upsert.checks.ts';

registerChecks('trustly', 'upsert', upsertChecks);
