import { defineSelfTest } from './define-self-test.ts';

// The vendor's self-test (define-self-test.ts): the catalogue, the correct mock, every fault.
defineSelfTest('trustist');
