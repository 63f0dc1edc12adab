import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The unit tests that mostly wait (on a run's deadline, on a rate cap): started first, their
 * waits overlap the CPU-bound files that follow instead of ending the run alone. vitest's own
 * order puts the longest files first only once it has timed them in an earlier run.
 */
const WAITS_FIRST = [/[\\/]src[\\/]cli[\\/]run-wire\.test\.ts$/, /[\\/]src[\\/]cli[\\/]run-complete\.test\.ts$/, /[\\/]src[\\/]cli[\\/]mock-chaos\.test\.ts$/];

const HTTP_SUITE = /[\\/]suites[\\/][^\\/]+[\\/]http\.suite\.ts$/;

/**
 * `sorted` (vitest's order) with the waiting unit tests first, in WAITS_FIRST's order, and each
 * vendor's `http.suite.ts` last; the rest keep their order.
 */
export function reorderFiles<T extends { moduleId: string }>(sorted: T[]): T[] {
  const rank = (file: T) => {
    const waits = WAITS_FIRST.findIndex((pattern) => pattern.test(file.moduleId));
    return waits >= 0 ? waits - WAITS_FIRST.length : HTTP_SUITE.test(file.moduleId) ? 1 : 0;
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
