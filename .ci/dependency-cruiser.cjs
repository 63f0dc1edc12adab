// The module map, written down: which part may import which. `npm run lint:deps` checks it, and
// CI (.ci/run) runs that after the type check. Paths are relative to the repository root.

// Test files, and the support only tests use: neither may be imported by code that ships.
const TESTS = ['\\.test\\.ts$', '^src/testing/'];
// The two independent oracles: the suite's model of a vendor and the reference mock. A module
// shared by both would make the mock agree with the suite by construction.
const MODEL = ['^suites/', '^src/vendors/'];
const MOCK = '^src/mock/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'mock-not-to-model',
      severity: 'error',
      comment: 'The reference mock implements the docs by hand; it never reads the suite\'s model (suites/, src/vendors/).',
      from: { path: MOCK },
      to: { path: MODEL },
    },
    {
      name: 'model-not-to-mock',
      severity: 'error',
      comment: 'The suite\'s model judges a target; it never reads the reference mock (src/mock/). Only the spec files are shared.',
      // The self-test and the calibration round trip are where the two meet on purpose: they drive
      // the checks against faulty, variant and calibrated mocks.
      from: { path: MODEL, pathNot: [...TESTS, '^suites/self-test/', '^suites/profile/'] },
      to: { path: MOCK },
    },
    {
      name: 'model-not-to-mock-transitively',
      severity: 'error',
      comment: 'Nor through another part: the model reaches the mock neither directly nor through the runner or the vitest adapter.',
      from: { path: ['^src/vendors/', '^suites/(trustist|trustly)/'], pathNot: TESTS },
      to: { path: MOCK, reachable: true },
    },
    {
      name: 'wire-knows-no-vendor',
      severity: 'error',
      comment: 'The wire (src/http, src/auth) serves every vendor alike: no import of src/vendors, src/mock or suites.',
      from: { path: '^src/(http|auth)/', pathNot: TESTS },
      to: { path: ['^src/vendors/', MOCK, '^suites/'] },
    },
    {
      name: 'runner-knows-no-vitest',
      severity: 'error',
      comment: 'A check runs the same in-process (self-test, bench) as under vitest: the runner, the generic checks and the model import neither the vitest adapter (src/vitest) nor vitest.',
      from: { path: ['^src/runner/', '^src/checks/', '^src/vendors/'], pathNot: TESTS },
      to: { path: ['^src/vitest/', '^node_modules/vitest/'] },
    },
    {
      name: 'report-knows-no-cli',
      severity: 'error',
      comment: 'Reports read results only: no import of the command line (src/cli) or the vitest adapter (src/vitest, vitest).',
      from: { path: '^src/report/', pathNot: TESTS },
      to: { path: ['^src/cli/', '^src/vitest/', '^node_modules/vitest/'] },
    },
    {
      name: 'results-know-no-cli',
      severity: 'error',
      comment: 'results.json\'s types and helpers stand alone: no import of the command line or the vitest adapter.',
      from: { path: '^src/results/', pathNot: TESTS },
      to: { path: ['^src/cli/', '^src/vitest/', '^node_modules/vitest/'] },
    },
    {
      name: 'src-not-to-suites',
      severity: 'error',
      comment: 'suites/ is run through `conform run` only; src/ and bench/ (their tests included) never import it. Tests use src/testing/ instead.',
      from: { path: ['^src/', '^bench/'] },
      to: { path: '^suites/' },
    },
    {
      name: 'production-not-to-tests',
      severity: 'error',
      comment: 'Code that ships imports neither test files nor test support (src/testing/).',
      from: { pathNot: [...TESTS, '^suites/', '\\.suite\\.ts$', '^bench/'] },
      to: { path: TESTS },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle ties two modules together so that neither can be read, tested or moved alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve to a file: a typo, or a file moved without its importers.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^reports/' },
    // Type-only imports count: a type import still ties one part to another's vocabulary.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.mjs', '.js', '.cjs', '.json', '.d.ts'],
    },
  },
};
