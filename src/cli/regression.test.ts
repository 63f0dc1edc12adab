import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../mock/start-mock.ts';
import type { ResultsDiff } from '../results/diff-results.ts';
import type { ResultsDocument } from '../results/results.ts';

// Vendor-upgrade regression end to end: a baseline from the correct mock, then runs against a
// faulty mock and against "upgraded" variants of the mock whose responses drift.

const BIN = fileURLToPath(new URL('./bin.mjs', import.meta.url));
const SEED = '4242';

function conform(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 280_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
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

// Every test here waits for whole `conform run`s (10 to 30 s each, by the machine's load): the
// timeout bounds a hang, not the speed.
describe('baselines and behaviour diff', { timeout: 300_000 }, () => {
  let mock: RunningMock;
  let faulty: RunningMock;
  let baselineDir: string;
  const proxies: Server[] = [];
  /** The run against the faulty mock, compared with the baseline: made once, read by two tests. */
  let faultyRun: Promise<{ dir: string; run: { code: number; stdout: string; stderr: string } }> | undefined;
  const runFaulty = () =>
    (faultyRun ??= (async () => {
      const dir = await mkdtemp(join(tmpdir(), 'conform-current-'));
      const run = await conform(['run', '--vendor', 'trustly', '--target', faulty.url, '--seed', SEED, '--runs', '5', '--report-dir', dir, '--baseline', baselineDir], faulty.credentials);
      return { dir, run };
    })());

  beforeAll(async () => {
    mock = await startMock('trustly', { env: {} });
    faulty = await startMock('trustly', { env: {}, fault: 'timestamps-in-seconds' });
    baselineDir = await mkdtemp(join(tmpdir(), 'conform-baseline-'));
    const run = await conform(['run', '--vendor', 'trustly', '--target', mock.url, '--seed', SEED, '--runs', '5', '--report-dir', baselineDir], mock.credentials);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    // A whole `conform run` takes 10 to 30 s depending on the machine's load: the hook's timeout
    // is that of the subprocess it waits for, not vitest's 10 s default.
  }, 180_000);
  afterAll(async () => {
    await mock?.close();
    await faulty?.close();
    for (const server of proxies) server.close();
  });

  it('a run on a faulty mock against the correct baseline shows the regressed rule and fails the gate', async () => {
    const { dir, run } = await runFaulty();
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/regressed\s+trustly\.customers\.timestamps\s+MUST\s+passed -> failed/);
    const { diffs } = JSON.parse(await readFile(join(dir, 'diff.json'), 'utf8')) as { diffs: ResultsDiff[] };
    expect(diffs[0]!.rules).toContainEqual(expect.objectContaining({ id: 'trustly.customers.timestamps', kind: 'regressed' }));
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toContain('Changes since the baseline');
    // The same comparison from the two files alone.
    const diff = await conform(['diff', join(baselineDir, 'trustly', 'results.json'), join(dir, 'trustly', 'results.json')]);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(/regressed\s+trustly\.customers\.timestamps/);
  });

  it('reports an undocumented response field that appears as drift, without failing the gate', async () => {
    const proxy = await driftingProxy(mock.url, (customer) => (customer.riskScore = 0.25));
    proxies.push(proxy.server);
    const dir = await mkdtemp(join(tmpdir(), 'conform-drift-'));
    const run = await conform(['run', '--vendor', 'trustly', '--target', proxy.url, '--seed', SEED, '--runs', '5', '--report-dir', dir, '--baseline', baselineDir], mock.credentials);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/appeared\s+getCustomer 200 \/customer\/riskScore\s+number\s+undocumented/);
  });

  it('reports a documented field whose type changed, and fails the gate', async () => {
    const proxy = await driftingProxy(mock.url, (customer) => (customer.createdAt = new Date(customer.createdAt as number).toISOString()));
    proxies.push(proxy.server);
    const dir = await mkdtemp(join(tmpdir(), 'conform-drift-'));
    const run = await conform(['run', '--vendor', 'trustly', '--target', proxy.url, '--seed', SEED, '--runs', '5', '--report-dir', dir, '--baseline', baselineDir], mock.credentials);
    expect(run.code).toBe(1);
    // The checks meet the change on the first create; every rule that creates fails on it.
    expect(run.stdout).toMatch(/type-changed createOrUpdateCustomer 200 \/customer\/createdAt\s+integer -> string\s+documented/);
  });

  it('merged shards give the same rule statuses as a single run', async () => {
    // The single run is the one compared with the baseline above: a baseline adds diff.json and
    // changes no rule's status.
    const { dir: single } = await runFaulty();
    const shards = await mkdtemp(join(tmpdir(), 'conform-shards-'));
    const gathered = join(shards, 'gathered');
    await mkdir(gathered);
    for (const part of ['1/2', '2/2']) {
      const dir = join(shards, part.replace('/', '-'));
      const run = await conform(['run', '--vendor', 'trustly', '--target', faulty.url, '--seed', SEED, '--runs', '5', '--report-dir', dir, '--shard', part], faulty.credentials);
      expect([0, 1]).toContain(run.code);
      await cp(join(dir, 'blob'), join(gathered, part.replace('/', '-')), { recursive: true });
    }
    const merged = join(shards, 'merged');
    const report = await conform(['report', gathered, '--report-dir', merged]);
    expect(report.code, report.stdout + report.stderr).toBe(1);
    const statuses = async (dir: string) =>
      Object.fromEntries((JSON.parse(await readFile(join(dir, 'trustly', 'results.json'), 'utf8')) as ResultsDocument).rules.map((r) => [r.id, r.status]));
    const expected = await statuses(single);
    expect(Object.keys(expected)).toHaveLength(36);
    expect(await statuses(merged)).toEqual(expected);
    expect(await readFile(join(merged, 'junit.xml'), 'utf8')).toMatch(/trustly\.customers\.timestamps/);
    // Three runs and a merge.
  }, 240_000);
});
