import { registerChecks } from '../../src/vitest/register-checks.ts';
import { postBackChecks } from './post-back.checks.ts';

registerChecks('trustly', 'post-back', postBackChecks);
