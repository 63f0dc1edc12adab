import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicSigner } from '../auth/basic-signer.ts';
import { exchange } from '../http/exchange.ts';
import { startMock, type RunningMock } from '../mock/start-mock.ts';
import type { ResultsDocument } from '../results/results.ts';
import { mockCommand } from './mock-command.ts';
import { UsageError } from './usage-error.ts';
import { conformInProcess } from '../testing/conform-in-process.ts';

// The chaos options from the command line, and the suite's own client against a chaotic mock:
// `conform run` still passes against a slow, rate-limited target, within its retries and deadline.

const BIN = fileURLToPath(new URL('./bin.mjs', import.meta.url));
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

describe('conform mock with chaos options', () => {
  it.each([
    [['--latency', '20..5'], /--latency cannot take "20\.\.5"; write --latency MS or --latency MIN\.\.MAX/],
    [['--rate-limit', '0/s'], /--rate-limit cannot take "0\/s"/],
    [['--fail-rate', '2'], /--fail-rate cannot take "2"; write --fail-rate P/],
    [['--drop-rate', 'often'], /--drop-rate cannot take "often"/],
    [['--chaos-seed', 'x', '--fail-rate', '0.1'], /--chaos-seed cannot take "x"/],
  ])('refuses %j with a usage error naming the option and its form', async (args, message) => {
    const refused = mockCommand(['trustly', ...args], () => {});
    await expect(refused).rejects.toThrow(UsageError);
    await expect(refused).rejects.toThrow(message);
  });

  it('exits 2 on a bad value; prints the chaos it applies and its seed at start, and what it did when it stops', async () => {
    const bad = await promisify(execFile)(process.execPath, [BIN, 'mock', 'trustist', '--drop-rate', '1.5'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect((bad as { code: number }).code).toBe(2);
    expect((bad as { stderr: string }).stderr).toMatch(/--drop-rate cannot take "1\.5"; write --drop-rate P \(a probability from 0 to 1/);

    const child = spawn(process.execPath, [BIN, 'mock', 'trustly', '--fail-rate', '1', '--latency', '3', '--chaos-seed', '11'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => (stdout += chunk).includes('Press Ctrl-C') && resolve());
      child.once('exit', () => reject(new Error(`mock exited early: ${stdout}`)));
    });
    expect(stdout).toContain('chaos (--chaos-seed 11): latency 3 ms before each answer; fail rate 1 (503 with Retry-After)');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1]!;
    const credentials = { id: /export TRUSTLY_ACCESS_ID=(\S+)/.exec(stdout)![1]!, secret: /export TRUSTLY_ACCESS_KEY=(\S+)/.exec(stdout)![1]! };
    const answer = await exchange({ baseUrl: url, method: 'POST', path: '/api/v1/customers', json: {}, signer: basicSigner, credentials });
    expect(answer.response?.status).toBe(503);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    // A POST is retried after a 503 as after a 429: the client sent it four times.
    expect(stdout).toMatch(/chaos: 4 requests: 0 served, 0 rate-limited \(429\), 4 failed \(503\), 0 dropped/);
  }, 120_000);
});

describe('conform run against a slow, rate-limited mock', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock('trustly', { env: {}, chaos: { latencyMs: { min: 5, max: 20 }, rateLimit: 10, seed: 2 } });
  });
  afterAll(() => mock?.close());

  it('passes every rule it runs, within its retries and deadline, after meeting the mock\'s 429s', { timeout: 300_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-chaos-'));
    const args = ['run', '--vendor', 'trustly', '--target', mock.url, '--rule', 'trustly.customers.get.*', '--rule', 'trustly.customers.list.by-external-id', '--runs', '2', '--seed', '1', '--deadline', '240', '--report-dir', dir];
    // In this process: what is tested is the run's client, not how a process exits.
    const run = await conformInProcess(args, mock.credentials);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const document = JSON.parse(await readFile(join(dir, 'trustly', 'results.json'), 'utf8')) as ResultsDocument;
    expect(document.rules.map((r) => r.id).sort()).toEqual(['trustly.customers.get.round-trip', 'trustly.customers.get.unknown', 'trustly.customers.list.by-external-id']);
    // Passed, not incomplete: a 429 the retries could not get past would leave a rule incomplete.
    for (const rule of document.rules) expect(rule.status, `${rule.id}: ${rule.reason ?? ''}`).toBe('passed');
    const counts = mock.chaos!.counts();
    expect(counts.rateLimited, JSON.stringify(counts)).toBeGreaterThan(0);
    expect(counts.served).toBeGreaterThan(counts.rateLimited);
  });
});
