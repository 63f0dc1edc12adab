import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildResults } from '../results/build-results.ts';
import type { ResultsDocument } from '../results/results.ts';
import type { RuleOutcome } from '../results/rule-outcome.ts';
import { readResults } from './diff-command.ts';
import { finishRun } from './finish-run.ts';
import type { ShardMeta } from './run-command.ts';
import { UsageError } from './usage-error.ts';
import { assertOutputDir } from './output-dir.ts';

export const REPORT_HELP = `conform report <dir> [--report-dir OUT] [--baseline RESULTS] [--strict]

Merge the parts of a sharded run, or re-render a run's report.
- <dir> holds the run-I-N.json files that "conform run --shard I/N" wrote to its DIR/blob/
  (copy every shard's blob folder into one directory, at any depth): their rules' outcomes are
  merged into OUT/<vendor>/results.json, OUT/junit.xml and OUT/index.html, as one unsharded
  run would have written them.
- Otherwise <dir> is a report directory (<vendor>/results.json): its index.html and junit.xml
  are written anew from it.

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

  const shards = await findFiles(dir, /^run-\d+-\d+\.json$/);
  const documents = shards.length > 0 ? await mergeShards(dir, shards) : await readResults(dir);
  await mkdir(outDir, { recursive: true });
  const { passes } = await finishRun(
    documents,
    {
      reportDir: outDir,
      ...(baseline ? { baseline: { path: values.baseline!, documents: baseline } } : {}),
      strict: values.strict,
    },
    out,
  );
  return passes ? 0 : 1;
}

async function mergeShards(dir: string, files: string[]): Promise<ResultsDocument[]> {
  const metas = await Promise.all(files.map(async (f) => ({ file: f, meta: JSON.parse(await readFile(f, 'utf8')) as Partial<ShardMeta> })));
  const old = metas.find(({ meta }) => !Array.isArray(meta.outcomes) || !Array.isArray(meta.documents) || !Array.isArray(meta.vendors));
  if (old) throw new UsageError(`${old.file} holds no rule outcomes: it was written by an older conform; run the shards again with this one`);
  const shards = metas.map(({ meta }) => meta as ShardMeta);
  const first = shards[0]!.documents[0]!;
  for (const shard of shards) {
    for (const d of shard.documents) {
      if (d.seed !== first.seed || d.runs !== first.runs || d.target !== first.target) {
        throw new UsageError(`the shards differ (seed ${d.seed} vs ${first.seed}, runs ${d.runs} vs ${first.runs}, target ${d.target} vs ${first.target}): merge only parts of one run`);
      }
    }
  }
  const vendors = [...new Set(shards.flatMap((m) => m.vendors))];
  // Each rule ran in one part; a rule that shows up in two (the same part copied twice) counts once.
  const outcomes = new Map<string, RuleOutcome>();
  for (const shard of shards) for (const outcome of shard.outcomes) if (!outcomes.has(outcome.id)) outcomes.set(outcome.id, outcome);
  if (outcomes.size === 0) throw new UsageError(`the shards in ${dir} judged no rule`);
  return vendors.map((vendor) => {
    const parts = shards.flatMap((m) => m.documents.filter((d) => d.vendor === vendor));
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
      [...outcomes.values()].filter((o) => o.vendor === vendor),
    );
  });
}

/** Files below `dir` (any depth) whose name matches. */
async function findFiles(dir: string, name: RegExp): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && name.test(e.name)).map((e) => join(e.parentPath, e.name)).sort();
}
