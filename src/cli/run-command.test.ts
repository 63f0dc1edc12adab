import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../mock/start-mock.ts';
import { validateResults } from '../results/validate-results.ts';
import type { ResultsDocument } from '../results/results.ts';

const BIN = fileURLToPath(new URL('./bin.mjs', import.meta.url));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function conform(args: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 280_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function results(dir: string, vendor: string): Promise<ResultsDocument> {
  return JSON.parse(await readFile(join(dir, vendor, 'results.json'), 'utf8')) as ResultsDocument;
}

// Whole `conform run`s: 10 to 30 s each by the machine's load; the timeout bounds a hang.
describe('conform run as a subprocess', { timeout: 300_000 }, () => {
  let good: RunningMock;
  let faulty: RunningMock;
  beforeAll(async () => {
    good = await startMock('trustly', { env: {} });
    faulty = await startMock('trustly', { env: {}, fault: 'timestamps-in-seconds' });
  });
  afterAll(async () => {
    await good?.close();
    await faulty?.close();
  });

  it('exits 0 against the correct mock, writing results.json (valid against its schema) and junit.xml', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-run-'));
    const run = await conform(['run', '--vendor', 'trustly', '--target', good.url, '--runs', '5', '--seed', '7', '--report-dir', dir], good.credentials);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const document = await results(dir, 'trustly');
    expect(await validateResults(document)).toEqual([]);
    expect(document.summary.failed).toBe(0);
    expect(document.seed).toBe(7);
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
    const dir = await mkdtemp(join(tmpdir(), 'conform-run-'));
    const run = await conform(['run', '--vendor', 'trustly', '--target', faulty.url, '--runs', '5', '--report-dir', dir], faulty.credentials);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const document = await results(dir, 'trustly');
    const failed = document.rules.filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.id)).toContain('trustly.customers.timestamps');
    const rule = failed.find((r) => r.id === 'trustly.customers.timestamps')!;
    expect(rule.replay).toMatch(/^npx conform run --vendor trustly --rule trustly\.customers\.timestamps --seed \d+/);
    expect(run.stdout).toMatch(/FAILED MUST trustly\.customers\.timestamps/);
  });

  it('exits 2 for an unknown flag', async () => {
    const run = await conform(['run', '--colour']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/colour/);
  });

  it('exits 2, naming the variables, when a live target lacks credentials', async () => {
    const run = await conform(['run', '--vendor', 'trustly', '--target', good.url]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/TRUSTLY_ACCESS_ID and TRUSTLY_ACCESS_KEY/);
  });

  it('exits 2 for a production host unless --allow-production is given', async () => {
    const run = await conform(['run', '--vendor', 'trustly', '--target', 'https://api.trustly.one'], { TRUSTLY_ACCESS_ID: 'x', TRUSTLY_ACCESS_KEY: 'y' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/api\.trustly\.one is not a known trustly sandbox .*--allow-production/);
  });

  it('exits 2 with one line for an unreachable target', async () => {
    const run = await conform(['run', '--vendor', 'trustly', '--target', 'http://127.0.0.1:9'], { TRUSTLY_ACCESS_ID: 'x', TRUSTLY_ACCESS_KEY: 'y' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9/);
  });
});
