import { registerChecks } from '../../src/vitest/register-checks.ts';
import { upsertKeysChecks } from './upsert-keys.checks.ts';

registerChecks('trustly', 'upsert-keys', upsertKeysChecks);
