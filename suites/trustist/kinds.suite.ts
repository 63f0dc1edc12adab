import { registerChecks } from '../../src/vitest/register-checks.ts';
import { kindChecksOf } from '../../src/kinds/kinds.ts';

registerChecks('trustist', 'kinds', kindChecksOf('trustist'));
