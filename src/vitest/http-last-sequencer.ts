import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The unit tests that mostly wait (on a run's deadline, on a rate cap): started first, their
 * waits overlap the CPU-bound files that follow instead of ending the run alone. vitest's own
 * order puts the longest files first only once it has timed them in an earlier run.
 */
const WAITS_FIRST = ['src/cli/run-wire.test.ts', 'src/cli/run-complete.test.ts', 'src/cli/mock-chaos.test.ts'];

/**
 * The unit tests that take the most CPU, longest first, right after the waiting ones: vitest
 * orders files by the durations it cached in an earlier run, and a fresh clone (CI) has none, so
 * it would take them in path order, the self-test last, ending the run with one busy core.
 */
const LONGEST_NEXT = [
  'suites/self-test/trustist.test.ts',
  'src/cli/full-run.test.ts',
  'src/cli/live-account.test.ts',
  'suites/variants.test.ts',
  'suites/self-test/trustly.test.ts',
  'suites/served-variants.test.ts',
  'src/mock/trustist/malformed-requests.property.test.ts',
  'src/mock/trustly/malformed-requests.test.ts',
  'src/cli/pact-command.test.ts',
  'suites/pact/verify.pact.test.ts',
];

const HTTP_SUITE = /[\\/]suites[\\/][^\\/]+[\\/]http\.suite\.ts$/;

const endsWithPath = (moduleId: string, path: string) => moduleId.replaceAll('\\', '/').endsWith(`/${path}`);

/**
 * `sorted` (vitest's order) with the waiting unit tests first, in WAITS_FIRST's order, then the
 * longest, in LONGEST_NEXT's order, and each vendor's `http.suite.ts` last; the rest keep their order.
 */
export function reorderFiles<T extends { moduleId: string }>(sorted: T[]): T[] {
  const rank = (file: T) => {
    const waits = WAITS_FIRST.findIndex((path) => endsWithPath(file.moduleId, path));
    if (waits >= 0) return waits - WAITS_FIRST.length - LONGEST_NEXT.length;
    const longest = LONGEST_NEXT.findIndex((path) => endsWithPath(file.moduleId, path));
    if (longest >= 0) return longest - LONGEST_NEXT.length;
    return HTTP_SUITE.test(file.moduleId) ? 1 : 0;
  };
  // Array.prototype.sort is stable: within a rank, vitest's order stands.
  return [...sorted].sort((a, b) => rank(a) - rank(b));
}

/**
 * vitest's order, but each vendor's `http.suite.ts` last: its no-server-error rule reads the tally
 * of 5xx answers every check before it met (server-error-tally.ts). Where the suite files share
 * one worker, one after another (every run against a live target), that is every other check.
 * The unit tests that wait go first (WAITS_FIRST).
 */
export class HttpLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return reorderFiles(await super.sort(files));
  }
}
