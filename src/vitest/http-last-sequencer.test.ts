import { describe, expect, it } from 'vitest';
import { reorderFiles } from './http-last-sequencer.ts';

describe('reorderFiles', () => {
  it('puts the waiting unit tests first, the longest next, and each http.suite.ts last, keeping the order of the rest', () => {
    const files = [
      '/p/suites/trustist/http.suite.ts',
      '/p/src/a.test.ts',
      '/p/suites/self-test/trustly.test.ts',
      '/p/src/cli/mock-chaos.test.ts',
      '/p/suites/trustist/auth.suite.ts',
      '/p/src/cli/run-wire.test.ts',
      '/p/suites/trustly/http.suite.ts',
      '/p/src/b.test.ts',
      'C:\\p\\suites\\self-test\\trustist.test.ts',
      '/p/src/cli/run-complete.test.ts',
    ].map((moduleId) => ({ moduleId }));
    expect(reorderFiles(files).map((f) => f.moduleId)).toEqual([
      '/p/src/cli/run-wire.test.ts',
      '/p/src/cli/run-complete.test.ts',
      '/p/src/cli/mock-chaos.test.ts',
      'C:\\p\\suites\\self-test\\trustist.test.ts',
      '/p/suites/self-test/trustly.test.ts',
      '/p/src/a.test.ts',
      '/p/suites/trustist/auth.suite.ts',
      '/p/src/b.test.ts',
      '/p/suites/trustist/http.suite.ts',
      '/p/suites/trustly/http.suite.ts',
    ]);
  });
});
