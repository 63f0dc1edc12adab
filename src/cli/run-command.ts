import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import { formatDiff } from '../report/format-diff.ts';
import { ResultsReporter } from '../report/results-reporter.ts';
import type { RuleOutcome } from '../harness/rule-outcome.ts';
import { buildResults } from '../report/build-results.ts';
import { gatePasses, judgedNothing, type ResultsDocument } from '../report/results.ts';
import { summaryLines, writeRunReports } from '../report/write-reports.ts';
import { diffRuns, readResults } from './diff-command.ts';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';
import { requiredRole } from '../openapi/x-conform.ts';
import type { Rule } from '../openapi/rule-catalogue.ts';
import type { Vendor } from '../openapi/vendors.ts';
import { parseRunOptions, RUN_HELP, rulePattern, type RunOptions } from './run-options.ts';
import { preflightCredentials } from './credential-preflight.ts';
import { assertReachable, assertTargetAllowed } from './target-guard.ts';
import { UsageError } from './usage-error.ts';
import { loadSignerModule, resolveSigner } from '../harness/resolve-signer.ts';
import { configureHttp } from '../http/configure-http.ts';
import { scrubLedger, scrubSummary } from './scrub-ledger.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function runCommand(args: string[], out: (line: string) => void, err: (line: string) => void = console.error): Promise<number> {
  const options = parseRunOptions(args);
  if (options.help) {
    out(RUN_HELP);
    return 0;
  }
  if (options.auth !== undefined && !['hawk', 'hmac-sha256'].includes(options.auth)) {
    // A signer module is loaded in the workers; load it here first, so a bad one is one clear line.
    options.auth = resolve(options.auth);
    await loadSignerModule(options.auth).catch((error: Error) => {
      throw new UsageError(`--auth ${options.auth}: ${error.message.split('\n')[0]}`);
    });
  }
  // The whole run's deadline counts from here: preflight, start-up and every check.
  const deadlineAt = options.deadlineSeconds === undefined ? undefined : Date.now() + options.deadlineSeconds * 1000;
  const catalogue = new Map<string, Rule>();
  for (const vendor of options.vendors) for (const rule of (await loadVendorSpec(vendor)).rules) catalogue.set(rule.id, rule);
  if (options.target) await checkTarget(options, options.target);
  const pattern = rulePattern(options.rules);
  if (pattern && ![...catalogue.keys()].some((id) => pattern.test(id))) {
    throw new UsageError(`--rule ${options.rules.join(' ')} matches no rule; "conform rules" lists them`);
  }

  // Read the baseline before running: a bad path is a usage error, not a lost run.
  const baseline = options.baseline === undefined ? undefined : await readResults(options.baseline);
  const reportDir = resolve(options.reportDir);
  await rm(join(reportDir, 'junit.xml'), { force: true });
  await rm(join(reportDir, 'index.html'), { force: true });
  await mkdir(reportDir, { recursive: true });
  const startedAt = new Date();
  const progress = process.stderr.isTTY ? progressLine(pattern ? [...catalogue.keys()].filter((id) => pattern.test(id)).length : catalogue.size) : undefined;
  const reporter = new ResultsReporter(catalogue, options.seed, progress);
  const env = describeRun(options, deadlineAt);
  // The write budget and rate cap live in the worker process (src/http): for them to hold for the
  // whole run, every suite file must run in one and the same process, one file after another.
  const oneProcess = options.target !== undefined || options.maxWrites !== undefined || options.rps !== undefined;
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const vitest = await startVitest(
      'test',
      options.vendors.map((v) => `suites/${v}/`),
      {
        root: ROOT,
        config: join(ROOT, 'vitest.config.ts'),
        project: 'conformance',
        watch: false,
        reporters: [
          reporter,
          ['junit', { suiteName: 'conform' }],
          ...(options.shard ? [['blob', { outputFile: join(blobDir(reportDir), `blob-${options.shard.index}-${options.shard.count}.json`) }] satisfies ['blob', { outputFile: string }]] : []),
        ],
        ...(options.shard ? { shard: `${options.shard.index}/${options.shard.count}` } : {}),
        outputFile: { junit: join(reportDir, 'junit.xml') },
        testNamePattern: pattern,
        ...(oneProcess ? { maxWorkers: 1, isolate: false, fileParallelism: false } : {}),
      },
      {},
    );
    await vitest.close();
  } finally {
    process.env = saved;
  }
  if (progress) process.stderr.write('\n');

  const durationMs = Date.now() - startedAt.getTime();
  // Rules left out by --rule are not part of this run: vitest reports them skipped, the run does not.
  const outcomes = reporter.outcomes.filter((o) => !pattern || pattern.test(o.id));
  const documents = options.vendors.map((vendor) => resultsDocument(vendor, options, outcomes, startedAt, durationMs));
  for (const error of reporter.errors) err(`conform: ${error}`);
  if (options.shard) {
    const meta: ShardMeta = { vendors: options.vendors, documents: documents.map(({ rules: _rules, summary: _summary, created: _created, fingerprint: _fp, ...rest }) => rest) };
    await mkdir(blobDir(reportDir), { recursive: true });
    await writeFile(join(blobDir(reportDir), `run-${options.shard.index}-${options.shard.count}.json`), `${JSON.stringify(meta, null, 2)}\n`);
  }
  if (options.target && !options.keepData && !options.shard) await scrubRun(options, options.target, documents, out);
  const diffs = baseline ? await diffRuns(baseline, documents) : undefined;
  const written = await writeRunReports(reportDir, documents, diffs && { baseline: options.baseline!, diffs });
  for (const line of summaryLines(documents)) out(line);
  if (diffs) for (const diff of diffs) out(formatDiff(diff));
  out(`reports: ${[...written, join(reportDir, 'junit.xml')].join(', ')}`);
  // The target refused a configured credential mid-run (lock-out, revoked key): a configuration
  // error, not a verdict on the vendor, whatever the rules say.
  const refused = outcomes.find((o) => o.refusedCredential !== undefined);
  if (refused) {
    err(`conform: the target refused ${refused.refusedCredential} mid-run (401 during ${refused.id}): the key is wrong, revoked or locked out; the run stopped. Check the credential and run again.`);
    return 2;
  }
  if (reporter.errors.length > 0 && documents.every((d) => d.rules.length === 0)) return 2;
  if (judgedNothing(documents)) err('conform: no rule was judged: every rule that ran is incomplete (see the reasons in the report); the gate does not pass');
  return gatePasses(documents, options.strict) && !diffs?.some((d) => d.failing) ? 0 : 1;
}

/** What a shard records beside its blob so "conform report" can describe the merged run. */
export interface ShardMeta {
  vendors: Vendor[];
  documents: Omit<ResultsDocument, 'rules' | 'summary' | 'created' | 'fingerprint'>[];
}

export function blobDir(reportDir: string): string {
  return join(reportDir, 'blob');
}

async function checkTarget(options: RunOptions, target: URL): Promise<void> {
  const vendor = options.vendors[0]!;
  const { spec, conform } = await loadVendorSpec(vendor);
  assertTargetAllowed(target, spec, options.allowProduction);
  const { idVar, secretVar } = requiredRole(conform)[1];
  const missing = [idVar, secretVar].filter((name) => !process.env[name]);
  if (missing.length > 0) throw new UsageError(`running against ${target.origin} needs ${missing.join(' and ')} in the environment`);
  await assertReachable(target, options.timeoutMs);
  // Every configured key, once, before any check: a refused key is exit 2 here, not a run of
  // skipped or failed rules (nor, with --rule, a green one).
  await preflightCredentials({
    vendor,
    baseUrl: target.toString(),
    env: process.env,
    signer: await resolveSigner(vendor, options.auth),
    timeoutMs: options.timeoutMs,
    ...(options.rps === undefined ? {} : { rps: options.rps }),
  });
}

/** The run, as the CONFORM_* variables the conformance project's global setup reads. */
function describeRun(options: RunOptions, deadlineAt: number | undefined): Record<string, string> {
  return {
    CONFORM_VENDORS: options.vendors.join(','),
    CONFORM_SEED: String(options.seed),
    CONFORM_RUNS: String(options.runs),
    CONFORM_RUN_ID: options.runId,
    CONFORM_TIMEOUT_MS: String(options.timeoutMs),
    ...(options.target ? { CONFORM_TARGET: options.target.toString().replace(/\/$/, '') } : {}),
    ...(options.auth ? { CONFORM_AUTH: options.auth } : {}),
    ...(options.maxWrites === undefined ? {} : { CONFORM_MAX_WRITES: String(options.maxWrites) }),
    ...(options.rps === undefined ? {} : { CONFORM_RPS: String(options.rps) }),
    ...(deadlineAt === undefined ? {} : { CONFORM_DEADLINE_AT: String(deadlineAt) }),
    ...(options.strict ? { CONFORM_STRICT: '1' } : {}),
    // vitest's own per-test timeout must not cut a rule short before the run's deadline does
    // (which ends every request, so the rule reports itself incomplete): it waits past it.
    ...(deadlineAt === undefined ? {} : { CONFORM_TEST_TIMEOUT_MS: String(Math.max(120_000, deadlineAt - Date.now() + 60_000)) }),
  };
}

function resultsDocument(vendor: Vendor, options: RunOptions, outcomes: RuleOutcome[], startedAt: Date, durationMs: number): ResultsDocument {
  return buildResults(
    {
      vendor,
      target: options.target?.toString() ?? 'embedded mock',
      embedded: !options.target,
      seed: options.seed,
      runs: options.runs,
      runId: options.runId,
      startedAt: startedAt.toISOString(),
      durationMs,
      toolVersion: packageVersion(),
    },
    outcomes.filter((o) => o.vendor === vendor),
  );
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

function progressLine(total: number): (done: number, rule: string) => void {
  return (done, rule) => process.stderr.write(`\r\x1b[2K[${done}/${total}] ${rule}`);
}

/**
 * The closing scrub of a live run: every record the run created loses the personal data the
 * checks put in (the vendors cannot delete). It runs after the checks, in this process, within
 * --rps and a write allowance of --max-writes of its own (one update per record at most).
 */
async function scrubRun(options: RunOptions, target: URL, documents: ResultsDocument[], out: (line: string) => void): Promise<void> {
  configureHttp({ ...(options.rps === undefined ? {} : { rps: options.rps }), ...(options.maxWrites === undefined ? {} : { maxWrites: options.maxWrites }) });
  for (const document of documents) {
    const signer = await resolveSigner(document.vendor, options.auth);
    const outcome = await scrubLedger(document, { baseUrl: target.toString().replace(/\/$/, ''), env: process.env, signer, timeoutMs: options.timeoutMs });
    for (const line of scrubSummary(document.vendor, outcome)) out(line);
  }
}
