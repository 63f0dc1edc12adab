import { registerChecks } from '../../src/harness/register-checks.ts';
import { onboardChecks } from './onboard.checks.ts';

registerChecks('trustist', 'onboard', onboardChecks);
