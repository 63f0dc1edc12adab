import { registerChecks } from '../../src/harness/register-checks.ts';
import { kycChecks } from './kyc.checks.ts';

registerChecks('trustist', 'kyc', kycChecks);
