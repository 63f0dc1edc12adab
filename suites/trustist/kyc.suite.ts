import { registerChecks } from '../../src/vitest/register-checks.ts';
import { kycChecks } from './kyc.checks.ts';

registerChecks('trustist', 'kyc', kycChecks);
