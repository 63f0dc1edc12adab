import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../mock/start-mock.ts';
import { gatePasses, type ResultsDocument } from '../results/results.ts';
import { validateResults } from '../results/validate-results.ts';
import { conformInProcess } from '../testing/conform-in-process.ts';
import { runConform, type ConformResult } from '../testing/run-conform.ts';

// `conform run` end to end, on what must not pass hollow: a refused key, a rule cut short by the
// deadline; and a target served under a base path. The deadline run, the base-path run and one
// refused key are the executable as a user runs it (exit 1, 0 and 2, and what it prints); the
// other runs are made in this process, which saves a node, tsx and vitest start-up each. A run
// takes seconds on a quiet machine and minutes on a crowded one, where it shares the cores with
// this file's other runs and other test files: the timeouts bound a hang, not the speed.

const conform = (args: string[], env: Record<string, string> = {}) => runConform(args, env, { timeoutMs: 500_000 });

/**
 * Whether the deadline run's start-up took (nearly) its whole deadline: auth.required, its first
 * and shortest rule, was never judged, or the property after it made no run before the deadline.
 */
async function startedTooLate(dir: string): Promise<boolean> {
  try {
    const document = JSON.parse(await readFile(join(dir, 'trustist', 'results.json'), 'utf8')) as ResultsDocument;
    const status = (id: string) => document.rules.find((r) => r.id === id);
    return status('trustist.auth.required')?.status === 'incomplete' || status('trustist.http.no-server-error')?.runs?.executed === 0;
  } catch {
    return false; // no results: the test reports what the run said
  }
}

describe('conform run: no hollow pass', () => {
  let mock: RunningMock;
  let prefixed: RunningMock;
  // Its own mock: the refused-key test asserts that nothing was written to `mock`.
  let deadlineMock: RunningMock;
  // The two longest runs start with the file and go on while the short ones run: the deadline
  // run mostly waits, for its rate cap and its deadline. Their tests read what they wrote.
  let deadlineRun: Promise<{ dir: string; run: ConformResult }>;
  let prefixedRun: Promise<{ dir: string; run: ConformResult }>;
  beforeAll(async () => {
    mock = await startMock('trustist', { env: {} });
    prefixed = await startMock('trustist', { env: {}, basePath: '/some/prefix', pageSize: 2 });
    deadlineMock = await startMock('trustist', { env: {} });
    const started = async (args: string[], env: Record<string, string>) => {
      const dir = await mkdtemp(join(tmpdir(), 'conform-complete-'));
      return { dir, run: await conform([...args, '--report-dir', dir], env) };
    };
    // The rate cap, not the machine's speed, keeps 100000 runs out of reach of a 30 s deadline:
    // at 5 requests a second at most 150 requests fit in it, on however fast a machine. The
    // deadline counts from the CLI's start, so it must outlast start-up (seconds when quiet) for
    // any run to be made before it.
    // The rule cut is the no-server-error property: its suite file always runs last (the run's
    // sequencer), so auth.required, a fixed handful of requests, is judged before the deadline.
    // On a crowded machine (several test runs at once), start-up can outlast the 30 s: the
    // deadline then cuts both rules before either sends a request (or the property before its
    // first run), which says nothing about incomplete runs. That run is made again with a
    // deadline of 120 s; the test asserts the same of whichever run answered. So a machine that
    // is not crowded waits 30 s, not more (start-up takes a few seconds of it), and the file starts
    // first, so the wait overlaps the other files' work.
    const deadlineArgs = (seconds: number) => ['run', '--vendor', 'trustist', '--target', deadlineMock.url, '--rule', 'trustist.auth.required', '--rule', 'trustist.http.no-server-error', '--runs', '100000', '--seed', '3', '--rps', '5', '--deadline', String(seconds), '--strict'];
    deadlineRun = started(deadlineArgs(30), deadlineMock.credentials).then(async (first) => ((await startedTooLate(first.dir)) ? started(deadlineArgs(120), deadlineMock.credentials) : first));
    prefixedRun = started(['run', '--vendor', 'trustist', '--target', prefixed.url, '--rule', 'trustist.auth.*', '--rule', 'trustist.customers.list.*', '--runs', '3'], prefixed.credentials);
    // A failure is the test's to report, when it awaits the run, not an unhandled rejection.
    deadlineRun.catch(() => undefined);
    prefixedRun.catch(() => undefined);
  });
  afterAll(async () => {
    await Promise.allSettled([deadlineRun, prefixedRun]);
    await mock?.close();
    await prefixed?.close();
    await deadlineMock?.close();
  });

  it('a wrong secret for the primary key exits 2 with one line naming the variable, with and without --rule, before anything is written', { timeout: 600_000 }, async () => {
    const before = JSON.stringify(mock.snapshot());
    const env = { ...mock.credentials, TRUSTIST_KEY_SECRET: 'not-the-secret' };
    // As the executable without --rule; in this process with one.
    for (const [rules, call] of [[[], conform], [['--rule', 'trustist.customers.get.*'], conformInProcess]] as const) {
      const dir = await mkdtemp(join(tmpdir(), 'conform-complete-'));
      const run = await call(['run', '--vendor', 'trustist', '--target', mock.url, '--runs', '2', '--report-dir', dir, ...rules], env);
      expect(run.code, run.stdout + run.stderr).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/refused TRUSTIST_KEY_ID \(401/);
    }
    expect(JSON.stringify(mock.snapshot())).toBe(before);
  });

  it('a wrong optional key exits 2 too, naming it; an optional key not set only skips its rules', { timeout: 600_000 }, async () => {
    const wrong = await conformInProcess(['run', '--vendor', 'trustist', '--target', mock.url, '--rule', 'trustist.auth.required'], { ...mock.credentials, TRUSTIST_TENANT_B_KEY_SECRET: 'nope' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/refused TRUSTIST_TENANT_B_KEY_ID/);
    const { TRUSTIST_TENANT_B_KEY_ID: _id, TRUSTIST_TENANT_B_KEY_SECRET: _secret, ...withoutB } = mock.credentials;
    const dir = await mkdtemp(join(tmpdir(), 'conform-complete-'));
    const run = await conformInProcess(['run', '--vendor', 'trustist', '--target', mock.url, '--rule', 'trustist.tenancy.get-isolated', '--rule', 'trustist.auth.required', '--runs', '2', '--report-dir', dir], withoutB);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const document = JSON.parse(await readFile(join(dir, 'trustist', 'results.json'), 'utf8')) as ResultsDocument;
    expect(document.rules.find((r) => r.id === 'trustist.tenancy.get-isolated')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/TRUSTIST_TENANT_B_KEY_ID/) });
  });

  it('a property cut short by --deadline is incomplete with its executed runs in results.json, the HTML report and JUnit, and fails under --strict', { timeout: 600_000 }, async () => {
    const { dir, run } = await deadlineRun;
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const document = JSON.parse(await readFile(join(dir, 'trustist', 'results.json'), 'utf8')) as ResultsDocument;
    expect(document.version).toBe('1.2');
    expect(await validateResults(document)).toEqual([]);
    const rule = document.rules.find((r) => r.id === 'trustist.http.no-server-error')!;
    expect(rule.status).toBe('incomplete');
    expect(rule.reason).toMatch(/run deadline reached/);
    // 100000 runs for each documented operation.
    const { requested, executed } = rule.runs!;
    expect(requested % 100000).toBe(0);
    expect(requested).toBeGreaterThanOrEqual(100000);
    expect(executed).toBeGreaterThan(0);
    expect(executed).toBeLessThan(requested);
    expect(document.summary.incomplete).toBe(1);
    expect(document.rules.find((r) => r.id === 'trustist.auth.required')!.status).toBe('passed');
    // Incomplete fails the gate only under --strict.
    expect(gatePasses([document], true)).toBe(false);
    expect(gatePasses([document], false)).toBe(true);
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    expect(html).toContain(`${executed} of ${requested} executed`);
    expect(html).toMatch(/badge-incomplete/);
    const junit = await readFile(join(dir, 'junit.xml'), 'utf8');
    expect(junit).toContain(`<property name="conform.runs" value="${executed}/${requested}">`);
    expect(junit).toMatch(/<property name="conform.incomplete" value="run deadline reached/);
    expect(junit).toMatch(/incomplete: run deadline reached[^"]*\(--strict\)/);
  });

  it('a target served under a base path, with paged lists, passes, Hawk included', { timeout: 600_000 }, async () => {
    const { dir, run } = await prefixedRun;
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const document = JSON.parse(await readFile(join(dir, 'trustist', 'results.json'), 'utf8')) as ResultsDocument;
    expect(document.summary.failed + document.summary.skipped + (document.summary.incomplete ?? 0)).toBe(0);
    expect(document.rules.length).toBeGreaterThan(4);
  });
});
