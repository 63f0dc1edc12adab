import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../mock/start-mock.ts';
import { conformInProcess } from '../testing/conform-in-process.ts';
import { runConform } from '../testing/run-conform.ts';

const conform = (args: string[], env: Record<string, string> = {}) => runConform(args, env, { timeoutMs: 280_000 });

// `conform run`'s refusals, each before any check: the runs that judge a target, and the reports
// they write, are in full-run.test.ts. The first is the executable as a user runs it (the exit
// code and stderr of a process; run-wire.test.ts and run-complete.test.ts have the one-line
// refusals of a process); the others are made in this process, which saves a node, tsx and vitest
// start-up each. A subprocess starts in seconds, or in a minute on a crowded machine: the timeout
// bounds a hang.
describe('conform run refuses before any check', { timeout: 300_000 }, () => {
  let good: RunningMock;
  beforeAll(async () => {
    good = await startMock('trustly', { env: {} });
  });
  afterAll(async () => {
    await good?.close();
  });

  it('exits 2 for an unknown flag', async () => {
    const run = await conform(['run', '--colour']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/colour/);
  });

  it('exits 2, naming the variables, when a live target lacks credentials', async () => {
    const run = await conformInProcess(['run', '--vendor', 'trustly', '--target', good.url]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/TRUSTLY_ACCESS_ID and TRUSTLY_ACCESS_KEY/);
  });

  it('exits 2 for a production host unless --allow-production is given', async () => {
    const run = await conformInProcess(['run', '--vendor', 'trustly', '--target', 'https://api.trustly.one'], { TRUSTLY_ACCESS_ID: 'x', TRUSTLY_ACCESS_KEY: 'y' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/api\.trustly\.one is not a known trustly sandbox .*--allow-production/);
  });

  it('exits 2 with one line for an unreachable target', async () => {
    const run = await conformInProcess(['run', '--vendor', 'trustly', '--target', 'http://127.0.0.1:9'], { TRUSTLY_ACCESS_ID: 'x', TRUSTLY_ACCESS_KEY: 'y' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9/);
  });
});
