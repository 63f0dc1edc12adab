import type { TestUserConfig } from 'vitest/config';

/**
 * The `conformance` project: the vendor suites, which only `conform run` (or `vitest --project
 * conformance`) drives, because they need a target to talk to. vitest.config.ts lists it beside
 * the unit tests; `conform run` passes it to vitest directly, without the config file, which
 * vite would bundle with rolldown and import before anything else could start.
 */
export const CONFORMANCE_PROJECT = {
  name: 'conformance',
  include: ['suites/**/*.suite.ts'],
  globalSetup: ['src/vitest/conformance-setup.ts'],
  // Workers are reused from one suite file to the next instead of a fresh one per file: each
  // fresh one loaded vitest and compiled the spec again, most of a short run's time. The suites
  // share nothing between files but the worker's HTTP session (its limits,
  // src/vitest/worker-session.ts), which holds for the whole worker (conform run with --target
  // uses one).
  isolate: false,
  // Each rule's test takes its timeout from the run's plan (register-checks): past the run's
  // deadline, so the deadline, which the rule reports as incomplete, ends a slow rule first; a
  // test cut by it is reported as incomplete too, naming it (ResultsReporter).
  hookTimeout: 60_000,
} satisfies TestUserConfig;
