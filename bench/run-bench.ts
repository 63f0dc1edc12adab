import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { VENDORS } from '../src/openapi/vendors.ts';
import type { Figure } from './figure.ts';
import { describeMachine } from './machine.ts';
import { measureMockScale } from './mock-scale.ts';
import { measureMockThroughput } from './mock-throughput.ts';
import { printTable } from './print-table.ts';
import { measureCommandStartup, measureStartup } from './startup.ts';
import { measureTestLoop } from './test-loop.ts';
import { measureSuiteOverhead } from './suite-overhead.ts';
import { BENCH_REPORT_VERSION, figureRecord, writeBenchReport } from './write-bench-report.ts';

// `npm run bench`: the five figures of the performance section, each the median of several runs
// measured next to its baseline, printed as a table and written to reports/bench.json (and
// reports/bench.md, the same table in Markdown for the README).

const SECTIONS = ['suite', 'throughput', 'scale', 'startup', 'loop'] as const;
type Section = (typeof SECTIONS)[number];
// The loop's two figures one at a time: three runs of npm test take half an hour on a loaded machine.
const PARTS = { 'npm-test': 'loop', 'npm-start': 'loop' } as const;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    runs: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`npm run bench [-- --quick] [-- --only ${SECTIONS.join(',')}] [-- --runs N]
  --quick   fewer and shorter runs, 10,000 customers instead of 100,000: a smoke test, not figures
  --only    run some sections only (comma-separated); npm-test or npm-start is one half of loop
  --runs    runs per figure (default 5; at least 5 for figures worth quoting); start-up
            figures and npm start take 3, npm test at most 3`);
  process.exit(0);
}
const asked = (values.only ?? SECTIONS.join(',')).split(',').map((s) => s.trim());
for (const name of asked) {
  if (!SECTIONS.includes(name as Section) && !Object.hasOwn(PARTS, name)) {
    console.error(`npm run bench: --only names "${name}"; valid: ${[...SECTIONS, ...Object.keys(PARTS)].join(', ')}`);
    process.exit(2);
  }
}
const only = new Set(asked.map((name) => (Object.hasOwn(PARTS, name) ? PARTS[name as keyof typeof PARTS] : name)));
// Which npm scripts the loop section runs: both, unless only npm-test or npm-start was asked for.
const loopScripts = asked.includes('loop') ? ['test', 'start'] : asked.filter((name) => Object.hasOwn(PARTS, name)).map((name) => name.slice('npm-'.length));
const quick = values.quick;
const runs = values.runs ? Number(values.runs) : quick ? 2 : 5;
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of 1 or more, not "${values.runs}"`);

const log = (line: string) => process.stderr.write(`${line}\n`);
const machine = describeMachine();
const started = performance.now();
log(`conform bench: ${machine.cpuCount} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${machine.loadAverage}; ${runs} runs per figure${quick ? ' (--quick)' : ''}`);

const figures: Figure[] = [];
const section = async (name: Section, title: string, measure: () => Promise<Figure[]>) => {
  if (!only.has(name)) return;
  const at = performance.now();
  log(`\n${title}`);
  figures.push(...(await measure()));
  log(`  (${((performance.now() - at) / 1000).toFixed(0)} s)`);
};

await section('suite', '1. Suite overhead: the full suite vs a raw undici replay of its exchanges', async () => {
  const out: Figure[] = [];
  for (const vendor of VENDORS) out.push(await measureSuiteOverhead(vendor, runs, log, 'child'));
  for (const vendor of VENDORS) out.push(await measureSuiteOverhead(vendor, runs, log, 'in-process'));
  return out;
});
await section('throughput', '2. Mock throughput: the mocks vs bare node:http vs Prism', async () => {
  const out: Figure[] = [];
  for (const vendor of VENDORS) out.push(...(await measureMockThroughput(vendor, { runs, seconds: quick ? 1 : 2, connections: 10 }, log)));
  return out;
});
await section('scale', '3. Scale: memory and list latency with many customers', async () => {
  const out: Figure[] = [];
  const options = { large: quick ? 10_000 : 100_000, small: 1_000, runs, requests: 100 };
  for (const vendor of VENDORS) out.push(...(await measureMockScale(vendor, options, log)));
  return out;
});
// The loop figures are the median of 3 at most (npm test takes minutes); the start-up figures,
// whose goals are medians of 3, of exactly 3, --quick and --runs included.
const loopRuns = Math.min(runs, 3);
const startupRuns = 3;
await section('startup', '4. Start-up: conform --version, conform rules, conform run to its first request', async () => [
  ...(await measureCommandStartup(startupRuns, log)),
  ...(await measureStartup(startupRuns, log)),
]);
await section('loop', '5. The developer loop: npm test and npm start, wall time', () => measureTestLoop(quick ? 1 : loopRuns, log, loopScripts));

const durationMs = performance.now() - started;
console.log('');
printTable(figures, (line) => console.log(line));
const missed = figures.filter((f) => f.met === false).map((f) => f.id);
console.log(`\n${missed.length === 0 ? 'every goal met' : `goals missed: ${missed.join(', ')}`}; ${(durationMs / 1000).toFixed(0)} s`);

const reports = fileURLToPath(new URL('../reports/', import.meta.url));
await writeBenchReport(
  `${reports}bench.json`,
  `${reports}bench.md`,
  {
    version: BENCH_REPORT_VERSION,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine,
    startedAt: machine.date,
    durationMs: Math.round(durationMs),
    loadAverageAtEnd: Math.round((loadavg()[0] ?? 0) * 10) / 10,
    figures: figures.map(figureRecord),
    missed,
  },
  figures,
);
console.log(`written: reports/bench.json, reports/bench.md`);
