import { randomBytes, randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';
import { VENDORS, type Vendor } from '../openapi/vendors.ts';
import { selectVendors } from './rules-command.ts';
import { parseTargetFlag } from './target-guard.ts';
import { UsageError } from './usage-error.ts';

export const RUN_HELP = `conform run [--vendor ${VENDORS.join('|')}|all] [--target URL] [--auth hawk|hmac-sha256|MODULE]
            [--rule ID-or-glob ...] [--seed N] [--runs N] [--report-dir DIR] [--strict]
            [--allow-production] [--timeout MS] [--max-writes N] [--rps N] [--deadline SECONDS] [--keep-data]
            [--baseline RESULTS] [--shard I/N] [--profile RESULTS]

Run the conformance suite. Without --target, each vendor's embedded reference mock is started
and is the target. Credentials come from the environment, never from flags: each vendor's
variables are named by its spec (x-conform credentials in specs/<vendor>/customers.openapi.yaml)
and listed in the README. One key of each vendor is required; a rule that needs another key
that is not set is skipped, naming its variables.

  --vendor V          ${VENDORS.join(', ')} or all (default all; --target needs one vendor)
  --target URL        the vendor's base URL, e.g. https://api-sandbox.trustistecommerce.com
  --auth SCHEME       for a vendor whose spec offers more than one signature scheme (x-conform
                      auth, e.g. hawk, the default, or hmac-sha256): one of them, or a module
                      path whose default export signs requests
  --rule ID           run only these rules: ids or globs (trustist.customers.update.*); repeatable
  --seed N            the run seed; the same seed replays the same inputs
  --runs N            fast-check runs per property (default 30; 10 with --target)
  --report-dir DIR    where reports go (default reports/latest)
  --strict            fail the gate on SHOULD rules and on incomplete rules too, and fail a rule
                      on drift: a response that departs from what the spec inferred beyond the
                      docs (an x-inferred constraint, an error's content type or body, an
                      undocumented 4xx)
  --keep-data         with --target: skip the closing scrub of the records the run created
                      (they keep the synthetic data the checks wrote; conform cleanup scrubs later)
  --allow-production  allow a target that is not loopback or a known sandbox host
  --timeout MS        per-request timeout, the whole answer body included (default 10000)
  --max-writes N      at most N POST/PUT/PATCH/DELETE requests in the whole run; checks that
                      need more fail with "write budget of N exhausted" (default 1200 with
                      --target, none for the embedded mocks)
  --rps N             at most N requests per second (evenly spaced; may be fractional, e.g. 0.5)
  --deadline SECONDS  the whole run's deadline: no request is sent after it and the rules it
                      stopped are incomplete, "run deadline reached" (default 1800 with
                      --target, none for the embedded mocks)

  --baseline RESULTS  compare with an earlier run (a results.json or report directory): print
                      and report what changed; a regression or a change to a documented
                      response field fails the gate (see conform diff)
  --profile RESULTS   without --target: start each embedded mock calibrated from an earlier run
                      against the real target (a results.json or report directory holding
                      <vendor>/results.json for every vendor run): where the docs are open, the
                      mock makes the choices that target made (see conform mock --help)
  --shard I/N         run the I-th of N parts of the suite files (needs --seed, so every part
                      draws the same inputs); DIR/blob/ then holds what "conform report"
                      merges into one report

With --target, each configured key is first tried once with a GET of a made-up id: a key the
target refuses is exit 2, naming its variable, before anything is written. Every suite file
then runs in one worker process, so the write budget and the rate cap hold for the whole run. Requests answered 429 or 503 are retried (at most 3 times) after the
Retry-After the target asks for (at most 30 s, never past the deadline), else with back-off.

Writes DIR/<vendor>/results.json, DIR/junit.xml and DIR/index.html.
Exit codes: 0 every MUST rule passed (every rule with --strict), 1 a rule failed,
2 usage, configuration or connection error.`;

export interface RunOptions {
  vendors: Vendor[];
  target?: URL;
  auth?: string;
  rules: string[];
  seed: number;
  runs: number;
  reportDir: string;
  strict: boolean;
  /** With a target: leave the created records' data as the checks wrote it (no closing scrub). */
  keepData: boolean;
  allowProduction: boolean;
  timeoutMs: number;
  /** Write requests allowed in the whole run; undefined: no budget. */
  maxWrites?: number;
  /** Requests per second for the whole run; undefined: no cap. */
  rps?: number;
  /** Seconds the whole run may take; undefined: no deadline. */
  deadlineSeconds?: number;
  /** A results.json file or report directory to diff the run against. */
  baseline?: string;
  /** Without a target: the results.json or report directory the embedded mocks are calibrated from. */
  profile?: string;
  /** This process runs part `index` (1-based) of `count`. */
  shard?: { index: number; count: number };
  runId: string;
  help: boolean;
}

/** A live target is someone's account: a run against it ends within half an hour unless told otherwise. */
export const DEFAULT_TARGET_DEADLINE_SECONDS = 1800;

/** Runs per property against the embedded mocks. */
export const DEFAULT_RUNS = 30;

/**
 * Against a live target every write stays in someone's account for good (neither vendor can
 * delete): fewer runs per property, and a write budget the default run fits in (the README
 * states what a default run writes per vendor; the footprint test holds it to this).
 */
export const DEFAULT_TARGET_RUNS = 10;
export const DEFAULT_TARGET_MAX_WRITES = 1200;

export function parseRunOptions(args: string[]): RunOptions {
  const { values, positionals } = parseArgs({
    args,
    options: {
      vendor: { type: 'string', default: 'all' },
      target: { type: 'string' },
      auth: { type: 'string' },
      rule: { type: 'string', multiple: true, default: [] },
      seed: { type: 'string' },
      runs: { type: 'string' },
      'report-dir': { type: 'string', default: 'reports/latest' },
      strict: { type: 'boolean', default: false },
      'keep-data': { type: 'boolean', default: false },
      'allow-production': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '10000' },
      'max-writes': { type: 'string' },
      rps: { type: 'string' },
      deadline: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      baseline: { type: 'string' },
      shard: { type: 'string' },
      profile: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError(`conform run takes no positional arguments (got "${positionals[0]}"); see conform run --help`);
  const vendors = selectVendors(values.vendor);
  const target = values.target === undefined ? undefined : parseTargetFlag(values.target, vendors);
  if (values.profile !== undefined && target) throw new UsageError('--profile calibrates the embedded mocks; with --target the run is against the vendor itself. Drop one of them');
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard && values.seed === undefined) throw new UsageError('--shard needs --seed: every part of a sharded run must draw the same inputs');
  return {
    vendors,
    target,
    auth: values.auth,
    rules: values.rule,
    seed: values.seed === undefined ? randomInt(0, 2 ** 31 - 1) : integer('--seed', values.seed, 0, 2 ** 31 - 1),
    runs: values.runs === undefined ? (target ? DEFAULT_TARGET_RUNS : DEFAULT_RUNS) : integer('--runs', values.runs, 1, 100_000),
    reportDir: values['report-dir'],
    strict: values.strict,
    keepData: values['keep-data'],
    allowProduction: values['allow-production'],
    timeoutMs: integer('--timeout', values.timeout, 1, 600_000),
    ...(values['max-writes'] !== undefined
      ? { maxWrites: integer('--max-writes', values['max-writes'], 0, 1_000_000_000) }
      : target
        ? { maxWrites: DEFAULT_TARGET_MAX_WRITES }
        : {}),
    ...(values.rps === undefined ? {} : { rps: positive('--rps', values.rps, 100_000) }),
    ...(values.deadline !== undefined
      ? { deadlineSeconds: positive('--deadline', values.deadline, 7 * 24 * 3600) }
      : target
        ? { deadlineSeconds: DEFAULT_TARGET_DEADLINE_SECONDS }
        : {}),
    ...(values.baseline === undefined ? {} : { baseline: values.baseline }),
    ...(shard ? { shard } : {}),
    ...(values.profile === undefined ? {} : { profile: values.profile }),
    runId: randomBytes(4).toString('hex'),
    help: values.help,
  };
}

/**
 * `--auth` chooses among a vendor's signature schemes, which its spec's x-conform lists: it
 * applies when a selected vendor offers more than one (the others keep their one scheme). For
 * `conform pact verify` (`modules` false) it must name one of those schemes; for `conform run`
 * it may instead be a signer module's path. Reads the selected vendors' specs, which the caller
 * reads anyway; the others only to name them in the error.
 */
export async function checkAuthFlag(vendors: readonly Vendor[], auth: string | undefined, modules: boolean): Promise<void> {
  if (auth === undefined) return;
  const schemesOf = async (vendor: Vendor) => (await loadVendorSpec(vendor)).conform.auth.schemes as readonly string[];
  const selected = await Promise.all(vendors.map(async (vendor) => ({ vendor, schemes: await schemesOf(vendor) })));
  const choosing = selected.filter((v) => v.schemes.length > 1);
  if (choosing.length === 0) {
    const takers: Vendor[] = [];
    for (const vendor of VENDORS) if ((await schemesOf(vendor)).length > 1) takers.push(vendor);
    const fixed = selected.map((v) => `${v.vendor} uses ${v.schemes[0]} auth`).join(', ');
    throw new UsageError(`--auth applies to ${takers.length > 0 ? takers.join(', ') : 'no vendor'} only; ${fixed}`);
  }
  const schemes = [...new Set(choosing.flatMap((v) => v.schemes))];
  if (!modules && !schemes.includes(auth)) throw new UsageError(`--auth must be ${schemes.join(' or ')}, not "${auth}"`);
}

function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard must be I/N with 1 <= I <= N, e.g. 1/3, not "${text}"`);
  return { index, count };
}

/** A whole-number flag within bounds, or a UsageError naming the flag. */
export function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${text}"`);
  }
  return value;
}

export function positive(flag: string, text: string, max: number): number {
  const value = Number(text);
  if (!/^(\d+\.?\d*|\.\d+)$/.test(text) || !(value > 0) || value > max) {
    throw new UsageError(`${flag} must be a number greater than 0 and at most ${max}, not "${text}"`);
  }
  return value;
}

/** `--rule` ids and globs as one pattern over vitest test names (which are the rule ids). */
export function rulePattern(rules: string[]): RegExp | undefined {
  if (rules.length === 0) return undefined;
  const alternatives = rules.map((rule) => rule.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^ ]*'));
  return new RegExp(`(^|\\s)(${alternatives.join('|')})$`);
}
