import { cp, mkdir, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../mock/start-mock.ts';
import type { ResultsDiff } from '../results/diff-results.ts';
import type { ResultsDocument } from '../results/results.ts';
import { validateResults } from '../results/validate-results.ts';
import { conformInProcess } from '../testing/conform-in-process.ts';
import { rulePattern } from './run-options.ts';
import { runConform, type ConformResult } from '../testing/run-conform.ts';

// Whole `conform run`s against the Trustly mocks, end to end: the gate's exit codes and reports,
// a vendor-upgrade regression (a baseline from the correct mock, then runs against a faulty mock
// and against "upgraded" mocks whose responses drift), and shards merged. Each run costs seconds
// of CPU, so each is made once, all of them at once where they do not depend on each other, and
// read by every test that asks about it. The baseline and the faulty run are the executable as a
// user runs it (exit 0 and 1, and what it prints); the others run in this process, which saves
// a node, tsx and vitest start-up each.

const SEED = '4242';
/** The fewest property runs that show every point here: each is made on the first create or read. */
const RUNS = '2';
/**
 * The rules the shards split between them: the one the faulty mock breaks and a few that pass,
 * enough for each shard to hold some; the single run they are compared with holds them all.
 */
const SHARDED_RULES = ['trustly.auth.*', 'trustly.customers.timestamps', 'trustly.customers.get.*'];

const conform = (args: string[], env: Record<string, string> = {}) => runConform(args, env, { timeoutMs: 500_000 });

async function results(dir: string): Promise<ResultsDocument> {
  return JSON.parse(await readFile(join(dir, 'trustly', 'results.json'), 'utf8')) as ResultsDocument;
}

/** A pass-through proxy that rewrites every customer object in JSON responses: a vendor upgrade in miniature. */
async function driftingProxy(upstream: string, rewrite: (customer: Record<string, unknown>) => void): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const answer = await request(new URL(req.url!, upstream), {
      method: req.method as 'GET',
      headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k))) as Record<string, string>,
      body: body.length > 0 ? body : undefined,
    });
    let text = await answer.body.text();
    try {
      const json = JSON.parse(text) as { customer?: Record<string, unknown>; customers?: Record<string, unknown>[] };
      if (json.customer) rewrite(json.customer);
      for (const customer of json.customers ?? []) rewrite(customer);
      text = JSON.stringify(json);
    } catch {
      // Not JSON: passed on as it came.
    }
    res.writeHead(answer.statusCode, { 'content-type': String(answer.headers['content-type'] ?? 'application/json') });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

interface Run {
  dir: string;
  run: ConformResult;
}

/** Starts a run now; the tests await it. */
async function startRun(prefix: string, url: string, env: Record<string, string>, extra: string[] = [], run = conform): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, run: await run(['run', '--vendor', 'trustly', '--target', url, '--seed', SEED, '--runs', RUNS, '--report-dir', dir, ...extra], env) };
}

// Every test here waits for whole `conform run`s, several at once (10 to 30 s each alone, by
// the machine's load): the timeout bounds a hang, not the speed.
describe('whole conform runs against the trustly mocks', { timeout: 600_000 }, () => {
  let good: RunningMock;
  let faulty: RunningMock;
  const proxies: Server[] = [];
  let baseline: Promise<Run>;
  let faultyRun: Promise<Run>;
  let appeared: Promise<Run>;
  let typeChanged: Promise<Run>;
  let shards: Promise<Run[]>;

  beforeAll(async () => {
    good = await startMock('trustly', { env: {} });
    // The same keys as the correct mock: the runs in this process at once share its environment.
    faulty = await startMock('trustly', { env: good.credentials, fault: 'timestamps-in-seconds' });
    // The baseline and the shards need nothing else; the runs compared with the baseline start
    // when it is written.
    baseline = startRun('conform-baseline-', good.url, good.credentials);
    shards = (async () => {
      const root = await mkdtemp(join(tmpdir(), 'conform-shards-'));
      return Promise.all(
        ['1/2', '2/2'].map(async (part) => {
          const dir = join(root, part.replace('/', '-'));
          const rules = SHARDED_RULES.flatMap((rule) => ['--rule', rule]);
          const run = await conformInProcess(['run', '--vendor', 'trustly', '--target', faulty.url, '--seed', SEED, '--runs', RUNS, '--report-dir', dir, '--shard', part, ...rules], faulty.credentials);
          return { dir, run };
        }),
      );
    })();
    const against = (prefix: string, url: () => Promise<string>, env: Record<string, string>, run = conformInProcess) =>
      baseline.then(async ({ dir }) => startRun(prefix, await url(), env, ['--baseline', dir], run));
    const proxy = async (rewrite: (customer: Record<string, unknown>) => void) => {
      const started = await driftingProxy(good.url, rewrite);
      proxies.push(started.server);
      return started.url;
    };
    faultyRun = against('conform-current-', async () => faulty.url, faulty.credentials, conform);
    appeared = against('conform-drift-', () => proxy((customer) => (customer.riskScore = 0.25)), good.credentials);
    typeChanged = against('conform-drift-', () => proxy((customer) => (customer.createdAt = new Date(customer.createdAt as number).toISOString())), good.credentials);
    // A failure is the test's to report, when it awaits the run, not an unhandled rejection.
    for (const run of [baseline, shards, faultyRun, appeared, typeChanged]) run.catch(() => undefined);
  });
  afterAll(async () => {
    await Promise.allSettled([baseline, shards, faultyRun, appeared, typeChanged]);
    await good?.close();
    await faulty?.close();
    for (const server of proxies) server.close();
  });

  it('exits 0 against the correct mock, writing results.json (valid against its schema) and junit.xml', async () => {
    const { dir, run } = await baseline;
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const document = await results(dir);
    expect(await validateResults(document)).toEqual([]);
    expect(document.summary.failed).toBe(0);
    expect(document.seed).toBe(Number(SEED));
    expect(document.embedded).toBe(false);
    expect(await readdir(dir)).toContain('junit.xml');
    const junit = await readFile(join(dir, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<testcase [^>]*name="trustly\.auth\.required"/);
    // No configured secret may reach any file the run writes, nor its output: neither as it
    // is nor inside a Basic header's base64.
    const secrets = [
      ['TRUSTLY_ACCESS_ID', 'TRUSTLY_ACCESS_KEY'],
      ['TRUSTLY_MERCHANT_B_ACCESS_ID', 'TRUSTLY_MERCHANT_B_ACCESS_KEY'],
    ].flatMap(([id, key]) => [good.credentials[key!]!, Buffer.from(`${good.credentials[id!]}:${good.credentials[key!]}`).toString('base64')]);
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    expect(files.length).toBeGreaterThanOrEqual(3); // results.json, junit.xml, index.html
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const secret of secrets) expect(text.includes(secret), `${file} holds a secret`).toBe(false);
    }
    for (const secret of secrets) expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('exits 1 against a faulty mock, with the rule the fault breaks failed in results.json', async () => {
    const { dir, run } = await faultyRun;
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const document = await results(dir);
    const failed = document.rules.filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.id)).toContain('trustly.customers.timestamps');
    const rule = failed.find((r) => r.id === 'trustly.customers.timestamps')!;
    expect(rule.replay).toMatch(/^npx conform run --vendor trustly --rule trustly\.customers\.timestamps --seed \d+/);
    expect(run.stdout).toMatch(/FAILED MUST trustly\.customers\.timestamps/);
  });

  it('a run on a faulty mock against the correct baseline shows the regressed rule and fails the gate', async () => {
    const [{ dir: baselineDir }, { dir, run }] = await Promise.all([baseline, faultyRun]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/regressed\s+trustly\.customers\.timestamps\s+MUST\s+passed -> failed/);
    const { diffs } = JSON.parse(await readFile(join(dir, 'diff.json'), 'utf8')) as { diffs: ResultsDiff[] };
    expect(diffs[0]!.rules).toContainEqual(expect.objectContaining({ id: 'trustly.customers.timestamps', kind: 'regressed' }));
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toContain('Changes since the baseline');
    // The same comparison from the two files alone.
    // The environment of the runs that may still go on in this process; diff reads none of it.
    const diff = await conformInProcess(['diff', join(baselineDir, 'trustly', 'results.json'), join(dir, 'trustly', 'results.json')], good.credentials);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(/regressed\s+trustly\.customers\.timestamps/);
  });

  it('reports an undocumented response field that appears as drift, without failing the gate', async () => {
    const { run } = await appeared;
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/appeared\s+getCustomer 200 \/customer\/riskScore\s+number\s+undocumented/);
  });

  it('reports a documented field whose type changed, and fails the gate', async () => {
    const { run } = await typeChanged;
    expect(run.code).toBe(1);
    // The checks meet the change on the first create; every rule that creates fails on it.
    expect(run.stdout).toMatch(/type-changed createOrUpdateCustomer 200 \/customer\/createdAt\s+integer -> string\s+documented/);
  });

  it('merged shards give the same rule statuses as a single run', async () => {
    // The single run is the one compared with the baseline above: a baseline adds diff.json and
    // changes no rule's status. It holds every rule; the shards split SHARDED_RULES.
    const [{ dir: single }, parts] = await Promise.all([faultyRun, shards]);
    const gathered = join(await mkdtemp(join(tmpdir(), 'conform-shards-')), 'gathered');
    await mkdir(gathered);
    for (const { dir, run } of parts) {
      expect([0, 1]).toContain(run.code);
      await cp(join(dir, 'blob'), join(gathered, dir.split(/[\\/]/).at(-1)!), { recursive: true });
    }
    const merged = join(gathered, '..', 'merged');
    const report = await conformInProcess(['report', gathered, '--report-dir', merged], good.credentials);
    expect(report.code, report.stdout + report.stderr).toBe(1);
    const sharded = rulePattern(SHARDED_RULES)!;
    const statuses = (document: ResultsDocument) => Object.fromEntries(document.rules.filter((r) => sharded.test(r.id)).map((r) => [r.id, r.status]));
    const expected = statuses(await results(single));
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(5);
    expect(expected['trustly.customers.timestamps']).toBe('failed');
    const mergedDocument = await results(merged);
    expect(mergedDocument.rules.map((r) => r.id).sort()).toEqual(Object.keys(expected).sort());
    expect(statuses(mergedDocument)).toEqual(expected);
    expect(await readFile(join(merged, 'junit.xml'), 'utf8')).toMatch(/trustly\.customers\.timestamps/);
  });
});
