import { registerChecks } from '../../src/vitest/register-checks.ts';
import { kindChecksOf } from '../../src/kinds/kinds.ts';
import '../../src/vendors/trustist/kind-bodies.ts';

registerChecks('trustist', 'kinds', kindChecksOf('trustist'));
