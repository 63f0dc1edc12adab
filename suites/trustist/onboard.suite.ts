import { registerChecks } from '../../src/vitest/register-checks.ts';
import { onboardChecks } from './onboard.checks.ts';

registerChecks('trustist', 'onboard', onboardChecks);
