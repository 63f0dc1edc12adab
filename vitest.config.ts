import { defineConfig } from 'vitest/config';
import { CONFORMANCE_PROJECT } from './src/vitest/conformance-project.ts';
import { HttpLastSequencer } from './src/vitest/http-last-sequencer.ts';

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
          // vitest's default is one worker fewer than the cores: one on a 2-core machine, where
          // the files then run one after another while most of them wait, on subprocesses (whole
          // `conform run`s) or on mocks' answers. The three files that mostly wait start first
          // (the sequencer), and the longest next: four workers keep both cores busy from the
          // start (three and five measured the same within the noise; more workers, more CPU lost
          // to contention).
          maxWorkers: 4,
          // A worker runs its files one after another in one module graph instead of a fresh one
          // per file: each fresh graph imported the spec loader, ajv, the mocks and the checks
          // again, and compiled the specs again, about a CPU-second or more per file, most of the
          // CPU of the files that test one module each. The tests share no module state they
          // change (environment stubs are undone after each test).
          isolate: false,
          testTimeout: 60_000,
          // Hooks start mocks, generate pacts and (full-run.test.ts) whole runs: 10 s, vitest's
          // default, is not enough on a loaded machine. A timeout bounds a hang, not the speed.
          hookTimeout: 120_000,
        },
      },
      // The vendor suites: src/vitest/conformance-project.ts, which `conform run` passes to vitest
      // without this file.
      { extends: true, test: CONFORMANCE_PROJECT },
    ],
  },
});
