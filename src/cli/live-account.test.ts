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
// The same two runs show a live run's footprint, measured from outside: each goes through its
// own proxy that counts every request. A default run's writes stay within the default budget,
// every record it made is in its ledger with the role that owns it, and afterwards none of them
// holds the personal data the checks wrote; with --keep-data (the other run) they do, until
// `conform cleanup`, which a second time sends nothing.
// Each run costs seconds of CPU, so the two runs are made once and read by every test. Both run
// in this process (what is tested is what a run sends and writes; src/cli/full-run.test.ts runs a
// live run as the executable); the first cleanup is the executable as a user runs it.

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

describe.each<Vendor>(['trustist', 'trustly'])('live runs on a busy %s account', { timeout: 600_000 }, (vendor) => {
  let mock: RunningMock;
  /** The other writers' records the account held before the runs. */
  let foreign: Set<string>;
  const proxies: CountingProxy[] = [];
  const servers: { close(): Promise<void> }[] = [];
  let writer: { stop(): Promise<number> } | undefined;
  let runs: Promise<[Run, Run]>;
  /** How many customers the other application added while the runs went on. */
  let made: Promise<number>;

  beforeAll(async () => {
    const foreignRecords = vendor === 'trustist' ? foreignTrustistRecords(FOREIGN) : foreignTrustlyRecords(FOREIGN);
    mock = await startMock(vendor, { env: {}, foreignRecords });
    foreign = new Set(storedCustomers(vendor, mock.snapshot()).map((s) => s.id));
    proxies.push(await startCountingProxy(mock.url), await startCountingProxy(mock.url));
    const paced = await startDelayingProxy(mock.url, WRITER_DELAY_MS);
    servers.push(paced);
    const background = startBackgroundWriter(vendor, paced.url, mock.credentials);
    writer = background;
    const started = async (proxy: CountingProxy, extra: string[]): Promise<Run> => {
      const dir = await mkdtemp(join(tmpdir(), 'conform-live-'));
      return { dir, run: await conformInProcess(['run', '--vendor', vendor, '--target', proxy.url, '--report-dir', dir, ...extra], mock.credentials) };
    };
    runs = Promise.all([
      // A default run (the whole suite at the default number of runs).
      started(proxies[0]!, ['--seed', '11']),
      started(proxies[1]!, ['--runs', '3', '--seed', '12', '--keep-data']),
    ]);
    made = runs.then(
      () => background.stop(),
      () => background.stop(),
    );
    // A failure is the test's to report, when it awaits the run, not an unhandled rejection.
    runs.catch(() => undefined);
  });
  afterAll(async () => {
    await Promise.allSettled([runs]);
    await writer?.stop();
    await Promise.all([...proxies, ...servers].map((p) => p.close()));
    await mock?.close();
  });

  it('passes every rule, twice at once, with foreign records and another writer', async () => {
    const both = await runs;
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
    const [{ dir, run }, kept] = await runs;
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const document = await results(vendor, dir);
    expect(document.version).toBe('1.2');
    const ledger = ledgerOf(document);
    const otherLedger = ledgerOf(await results(vendor, kept.dir));
    const stored = storedCustomers(vendor, mock.snapshot());
    // Besides the records it held before, the account holds the two runs' records and the other
    // application's: every record a run made is in that run's ledger, and in no other.
    const added = new Set(stored.filter((s) => !foreign.has(s.id)).map((s) => s.id));
    const ledgered = [...ledger, ...otherLedger].map((e) => e.id);
    expect(ledgered.filter((id) => !added.has(id)), 'ledgered records not in the account').toEqual([]);
    expect(new Set(ledgered).size, 'a record in both ledgers').toBe(ledgered.length);
    expect(added.size, 'records in the account that are in neither ledger nor the other application\'s').toBe(ledgered.length + (await made));
    expectOwnersMatch(ledger, stored);
    // The closing scrub sends one update per record; the rest are the checks' writes.
    const writes = proxies[0]!.writes();
    expect(ledger.every((e) => e.scrubbed)).toBe(true);
    expect(writes - ledger.length).toBeLessThanOrEqual(DEFAULT_TARGET_MAX_WRITES);
    const ours = new Set(ledger.map((e) => e.id));
    expect(stored.filter((s) => ours.has(s.id) && holdsPersonalData(vendor, s.record)).map((s) => s.id)).toEqual([]);
    expect(run.stdout).toContain(`${vendor}: scrubbed ${ledger.length} of ${ledger.length} created records`);
    console.log(`${vendor} default live run: ${writes - ledger.length} writes by the checks, ${ledger.length} customers, ${ledger.length} scrub updates`);
  });

  it('--keep-data leaves the data; conform cleanup scrubs it, and again sends nothing', async () => {
    const [, { dir, run }] = await runs;
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const kept = ledgerOf(await results(vendor, dir));
    const keptIds = new Set(kept.map((e) => e.id));
    // The account holds others' records too: only the run's are looked at.
    const keptStored = () => storedCustomers(vendor, mock.snapshot()).filter((s) => keptIds.has(s.id));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((e) => !e.scrubbed)).toBe(true);
    expect(keptStored().some((s) => holdsPersonalData(vendor, s.record))).toBe(true);
    expectOwnersMatch(kept, storedCustomers(vendor, mock.snapshot()));

    const first = await runConform(['cleanup', dir], mock.credentials, { timeoutMs: 280_000 });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain(`${vendor}: scrubbed ${kept.length} of ${kept.length} created records`);
    expect(keptStored().filter((s) => holdsPersonalData(vendor, s.record))).toEqual([]);
    expect(ledgerOf(await results(vendor, dir)).every((e) => e.scrubbed)).toBe(true);

    const writesBefore = proxies[1]!.writes();
    const second = await conformInProcess(['cleanup', dir], mock.credentials);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain(`${vendor}: scrubbed 0 of ${kept.length} created records (${kept.length} already scrubbed)`);
    expect(proxies[1]!.writes()).toBe(writesBefore);
  });
});
