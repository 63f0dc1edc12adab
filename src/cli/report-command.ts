import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startVitest } from 'vitest/node';
import { buildResults } from '../results/build-results.ts';
import { ResultsReporter } from '../vitest/results-reporter.ts';
import type { ResultsDocument } from '../results/results.ts';
import type { Rule } from '../openapi/rule-catalogue.ts';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';
import { readResults } from './diff-command.ts';
import { finishRun } from './finish-run.ts';
import type { ShardMeta } from './run-command.ts';
import { UsageError } from './usage-error.ts';
import { assertOutputDir } from './output-dir.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const REPORT_HELP = `conform report <dir> [--report-dir OUT] [--baseline RESULTS] [--strict]

Merge the parts of a sharded run, or re-render a run's report.
- <dir> holds the blob-I-N.json and run-I-N.json files that "conform run --shard I/N" wrote to
  its DIR/blob/ (copy every shard's blob folder into one directory, at any depth): they are
  merged, on vitest's own merge-reports mechanism, into OUT/<vendor>/results.json,
  OUT/junit.xml and OUT/index.html, as one unsharded run would have written them.
- Otherwise <dir> is a report directory (<vendor>/results.json): its index.html is rendered anew.

  --report-dir OUT    where the merged reports go (default: <dir>)
  --baseline RESULTS  add the comparison with an earlier run (see conform diff)
  --strict            fail the gate on SHOULD rules too
Exit codes as conform run: 0 every MUST rule passed, 1 a rule failed or regressed, 2 usage error.`;

export async function reportCommand(args: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'report-dir': { type: 'string' }, baseline: { type: 'string' }, strict: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    out(REPORT_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('conform report needs one directory: the shards\' blob files, or a report directory');
  const dir = resolve(positionals[0]!);
  if (!(await stat(dir).then((s) => s.isDirectory(), () => false))) throw new UsageError(`${dir} is not a directory`);
  const outDir = resolve(values['report-dir'] ?? dir);
  if (values['report-dir'] !== undefined) await assertOutputDir(values['report-dir'], '--report-dir');
  const baseline = values.baseline === undefined ? undefined : await readResults(values.baseline);

  const blobs = await findFiles(dir, /^blob-\d+-\d+\.json$/);
  const documents = blobs.length > 0 ? await mergeShards(dir, blobs, outDir) : await readResults(dir);
  await mkdir(outDir, { recursive: true });
  const { passes } = await finishRun(
    documents,
    {
      reportDir: outDir,
      ...(baseline ? { baseline: { path: values.baseline!, documents: baseline } } : {}),
      strict: values.strict,
      ...(blobs.length > 0 ? { junit: join(outDir, 'junit.xml') } : {}),
    },
    out,
  );
  return passes ? 0 : 1;
}

async function mergeShards(dir: string, blobs: string[], outDir: string): Promise<ResultsDocument[]> {
  const metas = await Promise.all((await findFiles(dir, /^run-\d+-\d+\.json$/)).map(async (f) => JSON.parse(await readFile(f, 'utf8')) as ShardMeta));
  if (metas.length !== blobs.length) throw new UsageError(`${dir} holds ${blobs.length} blob files but ${metas.length} run files: copy each shard's whole blob folder`);
  const first = metas[0]!.documents[0]!;
  for (const meta of metas) {
    for (const d of meta.documents) {
      if (d.seed !== first.seed || d.runs !== first.runs || d.target !== first.target) {
        throw new UsageError(`the shards differ (seed ${d.seed} vs ${first.seed}, runs ${d.runs} vs ${first.runs}, target ${d.target} vs ${first.target}): merge only parts of one run`);
      }
    }
  }
  // vitest merges the blobs of one directory: gather every shard's into a fresh one.
  const gathered = await mkdtemp(join(tmpdir(), 'conform-blobs-'));
  try {
    for (const blob of blobs) await copyFile(blob, join(gathered, blob.split('/').pop()!));
    const vendors = [...new Set(metas.flatMap((m) => m.vendors))];
    const catalogue = new Map<string, Rule>();
    for (const vendor of vendors) for (const rule of (await loadVendorSpec(vendor)).rules) catalogue.set(rule.id, rule);
    const reporter = new ResultsReporter(catalogue, first.seed);
    await mkdir(outDir, { recursive: true });
    const vitest = await startVitest(
      'test',
      [],
      {
        root: ROOT,
        config: join(ROOT, 'vitest.config.ts'),
        mergeReports: gathered,
        watch: false,
        reporters: [reporter, ['junit', { suiteName: 'conform' }]],
        outputFile: { junit: join(outDir, 'junit.xml') },
      },
      {},
    );
    await vitest.close();
    return vendors.map((vendor) => {
      const parts = metas.flatMap((m) => m.documents.filter((d) => d.vendor === vendor));
      const startedAt = parts.map((p) => p.startedAt).sort()[0]!;
      return buildResults(
        {
          vendor,
          target: first.target,
          embedded: first.embedded,
          seed: first.seed,
          runs: first.runs,
          runId: parts.map((p) => p.runId).join('+'),
          startedAt,
          // The shards ran side by side: the merged run took as long as its slowest part.
          durationMs: Math.max(...parts.map((p) => p.durationMs)),
          toolVersion: first.tool.version,
        },
        reporter.outcomes.filter((o) => o.vendor === vendor),
      );
    });
  } finally {
    await rm(gathered, { recursive: true, force: true });
  }
}

/** Files below `dir` (any depth) whose name matches. */
async function findFiles(dir: string, name: RegExp): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && name.test(e.name)).map((e) => join(e.parentPath, e.name)).sort();
}
