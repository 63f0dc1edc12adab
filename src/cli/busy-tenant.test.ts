import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foreignTrustistRecords, foreignTrustlyRecords, startBackgroundWriter } from '../mock/busy-tenant.ts';
import { startMock } from '../mock/start-mock.ts';
import type { ResultsDocument } from '../results/results.ts';
import type { Vendor } from '../openapi/vendors.ts';
import { runConform } from '../testing/run-conform.ts';

// A shared sandbox is neither empty nor quiet: the account holds hundreds of other writers'
// records (some with data the suite would never make, some the spec does not allow), another
// application keeps adding customers, and a second conform run goes on at the same time. Every
// rule must come out as it does on an empty mock: nothing of others may fail a rule of ours.

const FOREIGN = 300;

const conform = (args: string[], env: Record<string, string> = {}) => runConform(args, env, { timeoutMs: 280_000 });

describe.each<Vendor>(['trustist', 'trustly'])('conform run on a busy %s account', (vendor) => {
  it('passes every rule, twice at once, with foreign records and another writer', { timeout: 300_000 }, async () => {
    const foreignRecords = vendor === 'trustist' ? foreignTrustistRecords(FOREIGN) : foreignTrustlyRecords(FOREIGN);
    const mock = await startMock(vendor, { env: {}, foreignRecords });
    const writer = startBackgroundWriter(vendor, mock.url, mock.credentials);
    try {
      const dirs = [await mkdtemp(join(tmpdir(), 'conform-busy-')), await mkdtemp(join(tmpdir(), 'conform-busy-'))];
      const runs = await Promise.all(dirs.map((dir, i) => conform(['run', '--vendor', vendor, '--target', mock.url, '--runs', '3', '--seed', String(11 + i), '--report-dir', dir], mock.credentials)));
      const made = await writer.stop();
      expect(made, 'the background writer added customers during the runs').toBeGreaterThan(10);
      for (const [i, run] of runs.entries()) {
        const document = JSON.parse(await readFile(join(dirs[i]!, vendor, 'results.json'), 'utf8')) as ResultsDocument;
        const failed = document.rules.filter((r) => r.status === 'failed').map((r) => `${r.id}: ${r.failure?.message}`);
        expect(failed, run.stdout + run.stderr).toEqual([]);
        expect(run.code, run.stdout + run.stderr).toBe(0);
        // Skips only for what the rule itself cannot use, never for the busy account.
        const skipped = document.rules.filter((r) => r.status === 'skipped').map((r) => `${r.id}: ${r.reason}`);
        expect(skipped.filter((s) => !/refused \(4\d\d\) (a valid create body|to create the customer)/.test(s))).toEqual([]);
        expect(document.rules.filter((r) => r.status === 'passed').length).toBeGreaterThan(10);
      }
    } finally {
      await writer.stop();
      await mock.close();
    }
  });
});
