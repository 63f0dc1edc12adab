import { defineConfig } from 'vitest/config';
import { HttpLastSequencer } from './src/harness/http-last-sequencer.ts';

// Two projects. `unit` is what `npm test` runs: the unit tests beside the source, the mocks'
// tests, and the self-test in suites/, which drives the checks against every faulty mock.
// `conformance` holds the vendor suites, which only `conform run` (or `vitest --project
// conformance`) drives, because they need a target to talk to.
export default defineConfig({
  test: {
    sequence: { sequencer: HttpLastSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'suites/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'conformance',
          include: ['suites/**/*.suite.ts'],
          globalSetup: ['src/harness/conformance-setup.ts'],
          // `conform run` sets it past the run's deadline, so the deadline, which the rule reports
          // as incomplete, ends a slow rule first; a test cut by this timeout is reported as
          // incomplete too, naming it (ResultsReporter).
          testTimeout: Number(process.env.CONFORM_TEST_TIMEOUT_MS) || 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
