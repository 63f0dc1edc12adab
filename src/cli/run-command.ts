import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ResultsReporter } from '../vitest/results-reporter.ts';
import type { RuleOutcome } from '../results/rule-outcome.ts';
import { buildResults } from '../results/build-results.ts';
import { judgedNothing, type ResultsDocument } from '../results/results.ts';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';
import { requiredRole } from '../openapi/x-conform.ts';
import type { Rule } from '../openapi/rule-catalogue.ts';
import type { Vendor } from '../openapi/vendors.ts';
import { checkAuthFlag, parseRunOptions, RUN_HELP, rulePattern, type RunOptions } from './run-options.ts';
import { assertReachable, assertTargetAllowed } from './target-guard.ts';
import { UsageError } from './usage-error.ts';
import { assertOutputDir } from './output-dir.ts';
// What only a live target, --auth or --baseline needs (undici, the signers, the results
// schema) is imported where it is used: a run against the embedded mocks never loads it here.
import { checkRunPlan, mockVariantsFromEnv, testTimeoutFor, type RunPlan } from '../vitest/run-plan.ts';
import { CONFORMANCE_PROJECT } from '../vitest/conformance-project.ts';
// The calibration profile (and the results reader and schema it needs) loads only with --profile.
import type { ProfileOptions } from '../mock/profile.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function runCommand(args: string[], out: (line: string) => void, err: (line: string) => void = console.error): Promise<number> {
  const options = parseRunOptions(args);
  if (options.help) {
    out(RUN_HELP);
    return 0;
  }
  // vitest is the largest thing the run loads: it loads while the specs are read and the target
  // and credentials are checked, instead of before. The report writers are needed only at the end.
  const vitestNode = import('vitest/node');
  vitestNode.catch(() => {});
  await assertOutputDir(options.reportDir, '--report-dir');
  await checkAuthFlag(options.vendors, options.auth, true);
  if (options.auth !== undefined && !['hawk', 'hmac-sha256'].includes(options.auth)) {
    // A signer module is loaded in the workers; load it here first, so a bad one is one clear line.
    options.auth = resolve(options.auth);
    const { loadSignerModule } = await import('../auth/resolve-signer.ts');
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

  const profiles = options.profile === undefined ? undefined : await readProfiles(options.profile, options.vendors, out);
  // Read the baseline before running: a bad path is a usage error, not a lost run.
  const baseline = options.baseline === undefined ? undefined : await (await import('./diff-command.ts')).readResults(options.baseline);
  const reportDir = resolve(options.reportDir);
  await rm(join(reportDir, 'junit.xml'), { force: true });
  await rm(join(reportDir, 'index.html'), { force: true });
  await mkdir(reportDir, { recursive: true });
  const startedAt = new Date();
  const progress = process.stderr.isTTY ? progressLine(pattern ? [...catalogue.keys()].filter((id) => pattern.test(id)).length : catalogue.size) : undefined;
  const reporter = new ResultsReporter(catalogue, options.seed, progress);
  const plan = runPlan(options, deadlineAt, profiles);
  // The write budget and rate cap live in the worker (src/http): for them to hold for the whole
  // run, every suite file must run in one and the same worker, one file after another.
  const oneWorker = options.target !== undefined || options.maxWrites !== undefined || options.rps !== undefined;
  const [{ startVitest }, { HttpLastSequencer }] = await Promise.all([vitestNode, import('../vitest/http-last-sequencer.ts')]);
  const vitest = await startVitest(
    'test',
    options.vendors.map((v) => `suites/${v}/`),
    {
      root: ROOT,
      // The conformance project as vitest.config.ts has it, with the config's sequencer, but not
      // read from the file: vite would bundle the file with rolldown and import the bundle before
      // vitest could start anything, about half of vitest's own start (createVitest).
      config: false,
      ...CONFORMANCE_PROJECT,
      sequence: { sequencer: HttpLastSequencer },
      watch: false,
      // The suites run in worker threads of this process rather than forked processes: a thread
      // has no process of its own to boot, and the modules it asks the main thread for (vitest
      // transforms them there) come over a message port instead of a pipe, one round trip per
      // module, about 90 of them before the first check (bench/startup.ts measures the start).
      pool: 'threads',
      // vitest keeps the modules it transformed (the suites, the checks, the mocks) on disk and
      // reuses them in the next run, instead of transforming every file again in every run.
      experimental: { fsModuleCache: true },
      // The reports (results.json, junit.xml, index.html) are written from the results documents at
      // the end, by the same code as `conform report`: vitest's reporters would write vitest's view.
      reporters: [reporter],
      ...(options.shard ? { shard: `${options.shard.index}/${options.shard.count}` } : {}),
      testNamePattern: pattern,
      // Otherwise a worker per vendor at least, whatever vitest's default (one less than the
      // cores: one on a 2-core machine). A worker spends much of its time waiting for the mocks,
      // which answer in this process, so with both vendors two workers keep both cores busy.
      ...(oneWorker ? { maxWorkers: 1, isolate: false, fileParallelism: false } : { maxWorkers: Math.max(options.vendors.length, availableParallelism() - 1) }),
      provide: { conformPlan: plan },
    },
    {},
  );
  await vitest.close();
  if (progress) process.stderr.write('\n');

  const durationMs = Date.now() - startedAt.getTime();
  // Rules left out by --rule are not part of this run: vitest reports them skipped, the run does not.
  const outcomes = reporter.outcomes.filter((o) => !pattern || pattern.test(o.id));
  const documents = options.vendors.map((vendor) => resultsDocument(vendor, options, outcomes, startedAt, durationMs));
  for (const error of reporter.errors) err(`conform: ${error}`);
  if (options.shard) {
    const meta: ShardMeta = {
      vendors: options.vendors,
      documents: documents.map(({ rules: _rules, summary: _summary, created: _created, fingerprint: _fp, ...rest }) => rest),
      outcomes,
    };
    await mkdir(blobDir(reportDir), { recursive: true });
    await writeFile(join(blobDir(reportDir), `run-${options.shard.index}-${options.shard.count}.json`), `${JSON.stringify(meta, null, 2)}\n`);
  }
  if (options.target && !options.keepData && !options.shard) await scrubRun(options, options.target, documents, out);
  // The report writers are needed only now, at the end.
  const { finishRun } = await import('./finish-run.ts');
  const { passes } = await finishRun(
    documents,
    { reportDir, ...(baseline ? { baseline: { path: options.baseline!, documents: baseline } } : {}), strict: options.strict },
    out,
  );
  // The target refused a configured credential mid-run (lock-out, revoked key): a configuration
  // error, not a verdict on the vendor, whatever the rules say.
  const refused = outcomes.find((o) => o.refusedCredential !== undefined);
  if (refused) {
    err(`conform: the target refused ${refused.refusedCredential} mid-run (401 during ${refused.id}): the key is wrong, revoked or locked out; the run stopped. Check the credential and run again.`);
    return 2;
  }
  if (reporter.errors.length > 0 && documents.every((d) => d.rules.length === 0)) return 2;
  if (judgedNothing(documents)) err('conform: no rule was judged: every rule that ran is incomplete (see the reasons in the report); the gate does not pass');
  return passes ? 0 : 1;
}

/** Each vendor's calibration of its embedded mock, its adoptions printed; a path without the vendor's results is exit 2. */
async function readProfiles(path: string, vendors: Vendor[], out: (line: string) => void): Promise<Partial<Record<Vendor, ProfileOptions>>> {
  const { describeProfile, ProfileError, readProfile } = await import('../mock/profile.ts');
  const profiles: Partial<Record<Vendor, ProfileOptions>> = {};
  for (const vendor of vendors) {
    const profile = await readProfile(path, vendor).catch((error: unknown) => {
      throw error instanceof ProfileError ? new UsageError(vendors.length > 1 ? `${error.message} (or run one vendor with --vendor)` : error.message) : error;
    });
    for (const line of describeProfile(profile, path)) out(line);
    profiles[vendor] = profile.options;
  }
  return profiles;
}

/**
 * What a shard leaves in DIR/blob/run-I-N.json for "conform report" to merge: its rules' outcomes
 * (with the shapes and owners that fold into the merged fingerprint and ledger) and how it ran.
 */
export interface ShardMeta {
  vendors: Vendor[];
  documents: Omit<ResultsDocument, 'rules' | 'summary' | 'created' | 'fingerprint'>[];
  outcomes: RuleOutcome[];
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
  const [{ preflightCredentials }, { resolveSigner }] = await Promise.all([import('./credential-preflight.ts'), import('../auth/resolve-signer.ts')]);
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

/**
 * The run as the workers get it: one plan, checked once. CONFORM_MOCK_VARIANTS and CONFORM_FAULT,
 * which a user sets for the embedded mocks, are read here and nowhere after.
 */
function runPlan(options: RunOptions, deadlineAt: number | undefined, mockProfiles: Partial<Record<Vendor, ProfileOptions>> | undefined): RunPlan {
  return checkRunPlan({
    vendors: options.vendors,
    ...(options.target ? { target: options.target.toString().replace(/\/$/, '') } : {}),
    seed: options.seed,
    runs: options.runs,
    runId: options.runId,
    timeoutMs: options.timeoutMs,
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.maxWrites === undefined ? {} : { maxWrites: options.maxWrites }),
    ...(options.rps === undefined ? {} : { rps: options.rps }),
    ...(deadlineAt === undefined ? {} : { deadlineAt }),
    strict: options.strict,
    mockVariants: mockVariantsFromEnv(process.env),
    ...(process.env.CONFORM_FAULT ? { fault: process.env.CONFORM_FAULT } : {}),
    ...(mockProfiles ? { mockProfiles } : {}),
    testTimeoutMs: testTimeoutFor(deadlineAt),
  });
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
  const [{ HttpSession }, { scrubLedger, scrubSummary }, { resolveSigner }] = await Promise.all([
    import('../http/http-session.ts'),
    import('./scrub-ledger.ts'),
    import('../auth/resolve-signer.ts'),
  ]);
  const session = new HttpSession({ rps: options.rps, maxWrites: options.maxWrites });
  for (const document of documents) {
    const signer = await resolveSigner(document.vendor, options.auth);
    const outcome = await scrubLedger(document, { baseUrl: target.toString().replace(/\/$/, ''), env: process.env, signer, timeoutMs: options.timeoutMs, session });
    for (const line of scrubSummary(document.vendor, outcome)) out(line);
  }
}
