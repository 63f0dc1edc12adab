import { registerChecks } from '../../src/vitest/register-checks.ts';
import { kindChecksOf } from '../../src/kinds/kinds.ts';
import '../../src/vendors/trustly/kind-bodies.ts';

registerChecks('trustly', 'kinds', kindChecksOf('trustly'));
