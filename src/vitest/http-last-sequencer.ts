import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * vitest's order, but each vendor's `http.suite.ts` last: its no-server-error rule reads the tally
 * of 5xx answers every check before it met (server-error-tally.ts). Where the suite files share
 * one worker, one after another (every run against a live target), that is every other check.
 */
export class HttpLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = (file: TestSpecification) => /[\\/]suites[\\/][^\\/]+[\\/]http\.suite\.ts$/.test(file.moduleId);
    return [...sorted.filter((f) => !last(f)), ...sorted.filter(last)];
  }
}
