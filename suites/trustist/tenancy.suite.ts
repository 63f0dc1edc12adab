import { registerChecks } from '../../src/harness/register-checks.ts';
import { tenancyChecks } from './tenancy.checks.ts';

registerChecks('trustist', 'tenancy', tenancyChecks);
