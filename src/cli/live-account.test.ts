import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignTrustistRecords, foreignTrustlyRecords, startBackgroundWriter } from '../mock/busy-tenant.ts';
import { startCountingProxy, type CountingProxy } from '../mock/counting-proxy.ts';
import { startMock, type RunningMock } from '../mock/start-mock.ts';
import { ledgerOf, type ResultsDocument } from '../results/results.ts';
import type { Vendor } from '../openapi/vendors.ts';
import { DEFAULT_TARGET_MAX_WRITES } from './run-options.ts';
import { conformInProcess } from '../testing/conform-in-process.ts';
import { startDelayingProxy } from '../testing/delaying-proxy.ts';
import { runConform, type ConformResult } from '../testing/run-conform.ts';
import { expectOwnersMatch, holdsPersonalData, storedCustomers } from '../testing/stored-customers.ts';

// Live runs on a shared sandbox account, which is neither empty nor quiet: it holds hundreds of
// other writers' records (some with data the suite would never make, some the spec does not
// allow), another application keeps adding customers, and two conform runs go on at once. Every
// rule must come out as it does on an empty mock: nothing of others may fail a rule of ours.
// And a live run's footprint, measured from outside, through a proxy that counts every request:
// a default run against a mock of its own, whose writes stay within the default budget, every
// record it made in its ledger with the role that owns it, and afterwards none of them holding
// the personal data the checks wrote; with --keep-data (one of the busy account's two runs) they
// do, until `conform cleanup`, which a second time sends nothing.
// Each run costs seconds of CPU, so the three runs are made at once, once, and read by every
// test. The busy account's runs and the second cleanup are made in this process, which saves a
// node, tsx and vitest start-up each; the default run and the first cleanup are the executable
// as a user runs it.

const FOREIGN = 300;
/**
 * The other application's pace: a create every 20 ms plus this. Unpaced, it adds customers as
 * fast as the machine answers, so on a loaded machine, where the runs take longer, the lists
 * every check reads grew by thousands and the runs took longer still.
 */
const WRITER_DELAY_MS = 200;

interface Run {
  dir: string;
  run: ConformResult;
}

async function results(vendor: Vendor, dir: string): Promise<ResultsDocument> {
  return JSON.parse(await readFile(join(dir, vendor, 'results.json'), 'utf8')) as ResultsDocument;
}

describe.each<Vendor>(['trustist', 'trustly'])('live runs on a %s account', { timeout: 600_000 }, (vendor) => {
  /** The busy account. */
  let busy: RunningMock;
  /** The default run's own account, which nobody else writes to. */
  let quiet: RunningMock;
  const servers: { close(): Promise<void> }[] = [];
  let defaultProxy: CountingProxy;
  let keepProxy: CountingProxy;
  let writer: { stop(): Promise<number> } | undefined;
  let busyRuns: Promise<[Run, Run]>;
  let defaultRun: Promise<Run>;
  /** How many customers the other application added while the busy account's runs went on. */
  let made: Promise<number>;

  beforeAll(async () => {
    const foreignRecords = vendor === 'trustist' ? foreignTrustistRecords(FOREIGN) : foreignTrustlyRecords(FOREIGN);
    busy = await startMock(vendor, { env: {}, foreignRecords });
    quiet = await startMock(vendor, { env: {} });
    defaultProxy = await startCountingProxy(quiet.url);
    keepProxy = await startCountingProxy(busy.url);
    const paced = await startDelayingProxy(busy.url, WRITER_DELAY_MS);
    servers.push(defaultProxy, keepProxy, paced);
    const background = startBackgroundWriter(vendor, paced.url, busy.credentials);
    writer = background;
    const started = async (target: string, extra: string[], conform: typeof conformInProcess, env: Record<string, string>): Promise<Run> => {
      const dir = await mkdtemp(join(tmpdir(), 'conform-live-'));
      return { dir, run: await conform(['run', '--vendor', vendor, '--target', target, '--report-dir', dir, ...extra], env) };
    };
    busyRuns = Promise.all([
      started(busy.url, ['--runs', '3', '--seed', '11'], conformInProcess, busy.credentials),
      started(keepProxy.url, ['--runs', '3', '--seed', '12', '--keep-data'], conformInProcess, busy.credentials),
    ]);
    made = busyRuns.then(
      () => background.stop(),
      () => background.stop(),
    );
    defaultRun = started(defaultProxy.url, [], (args, env) => runConform(args, env, { timeoutMs: 580_000, maxBuffer: 1e8 }), quiet.credentials);
    // A failure is the test's to report, when it awaits the run, not an unhandled rejection.
    busyRuns.catch(() => undefined);
    defaultRun.catch(() => undefined);
  });
  afterAll(async () => {
    await Promise.allSettled([busyRuns, defaultRun]);
    await writer?.stop();
    await Promise.all(servers.map((s) => s.close()));
    await busy?.close();
    await quiet?.close();
  });

  it('passes every rule, twice at once, with foreign records and another writer', async () => {
    const both = await busyRuns;
    expect(await made, 'the background writer added customers during the runs').toBeGreaterThan(10);
    for (const { dir, run } of both) {
      const document = await results(vendor, dir);
      const failed = document.rules.filter((r) => r.status === 'failed').map((r) => `${r.id}: ${r.failure?.message}`);
      expect(failed, run.stdout + run.stderr).toEqual([]);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      // Skips only for what the rule itself cannot use, never for the busy account.
      const skipped = document.rules.filter((r) => r.status === 'skipped').map((r) => `${r.id}: ${r.reason}`);
      expect(skipped.filter((s) => !/refused \(4\d\d\) (a valid create body|to create the customer)/.test(s))).toEqual([]);
      expect(document.rules.filter((r) => r.status === 'passed').length).toBeGreaterThan(10);
    }
  });

  it('default run: within the default write budget, every record in the ledger with its owner, all scrubbed', async () => {
    const { dir, run } = await defaultRun;
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const document = await results(vendor, dir);
    expect(document.version).toBe('1.2');
    const ledger = ledgerOf(document);
    const stored = storedCustomers(vendor, quiet.snapshot());
    // Nobody else writes to this mock: every customer in it is the run's, and in its ledger.
    expect(ledger.map((e) => e.id).sort()).toEqual(stored.map((s) => s.id).sort());
    expectOwnersMatch(ledger, stored);
    // The closing scrub sends one update per record; the rest are the checks' writes.
    const writes = defaultProxy.writes();
    expect(ledger.every((e) => e.scrubbed)).toBe(true);
    expect(writes - ledger.length).toBeLessThanOrEqual(DEFAULT_TARGET_MAX_WRITES);
    expect(stored.filter((s) => holdsPersonalData(vendor, s.record)).map((s) => s.id)).toEqual([]);
    expect(run.stdout).toContain(`${vendor}: scrubbed ${ledger.length} of ${ledger.length} created records`);
    console.log(`${vendor} default live run: ${writes - ledger.length} writes by the checks, ${ledger.length} customers, ${ledger.length} scrub updates`);
  });

  it('--keep-data leaves the data; conform cleanup scrubs it, and again sends nothing', async () => {
    const [, { dir, run }] = await busyRuns;
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const kept = ledgerOf(await results(vendor, dir));
    const keptIds = new Set(kept.map((e) => e.id));
    // The account holds others' records too: only the run's are looked at.
    const keptStored = () => storedCustomers(vendor, busy.snapshot()).filter((s) => keptIds.has(s.id));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((e) => !e.scrubbed)).toBe(true);
    expect(keptStored().some((s) => holdsPersonalData(vendor, s.record))).toBe(true);
    expectOwnersMatch(kept, storedCustomers(vendor, busy.snapshot()));

    const first = await runConform(['cleanup', dir], busy.credentials, { timeoutMs: 280_000 });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain(`${vendor}: scrubbed ${kept.length} of ${kept.length} created records`);
    expect(keptStored().filter((s) => holdsPersonalData(vendor, s.record))).toEqual([]);
    expect(ledgerOf(await results(vendor, dir)).every((e) => e.scrubbed)).toBe(true);

    const writesBefore = keepProxy.writes();
    const second = await conformInProcess(['cleanup', dir], busy.credentials);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain(`${vendor}: scrubbed 0 of ${kept.length} created records (${kept.length} already scrubbed)`);
    expect(keepProxy.writes()).toBe(writesBefore);
  });
});
