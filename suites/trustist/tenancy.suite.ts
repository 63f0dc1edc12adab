import { registerChecks } from '../../src/vitest/register-checks.ts';
import { tenancyChecks } from './tenancy.checks.ts';

registerChecks('trustist', 'tenancy', tenancyChecks);
