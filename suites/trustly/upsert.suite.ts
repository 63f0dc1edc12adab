import { registerChecks } from '../../src/vitest/register-checks.ts';
import { upsertChecks } from './upsert.checks.ts';

registerChecks('trustly', 'upsert', upsertChecks);
