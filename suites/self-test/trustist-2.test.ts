import { defineSelfTest } from './define-self-test.ts';

// One part of the self-test; the parts run in parallel (define-self-test.ts says how they split).
defineSelfTest('trustist', 2, 3);
