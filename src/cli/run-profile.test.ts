import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trustlyDocument } from '../testing/results-fixtures.ts';
import type { ResultsDocument } from '../results/results.ts';
import { parseRunOptions, RUN_HELP } from './run-options.ts';
import { UsageError } from './usage-error.ts';
import { conformInProcess } from '../testing/conform-in-process.ts';

// In this process, which saves a node, tsx and vitest start-up per run: what is tested is what the
// command does with a profile (the exit codes of a process are tested in full-run.test.ts).
const conform = (args: string[]) => conformInProcess(args);

describe('conform run --profile', () => {
  it('takes a profile for the embedded mocks, and refuses it with --target', () => {
    expect(parseRunOptions(['--vendor', 'trustly', '--profile', 'reports/live']).profile).toBe('reports/live');
    expect(parseRunOptions(['--vendor', 'trustly']).profile).toBeUndefined();
    expect(() => parseRunOptions(['--vendor', 'trustly', '--target', 'http://127.0.0.1:9', '--profile', 'reports/live'])).toThrow(UsageError);
    expect(() => parseRunOptions(['--vendor', 'trustly', '--target', 'http://127.0.0.1:9', '--profile', 'reports/live'])).toThrow(/--profile calibrates the embedded mocks/);
    expect(RUN_HELP).toMatch(/--profile RESULTS/);
  });

  it('starts the embedded mock calibrated: a profile whose target refused unfiltered lists makes the embedded mock refuse them', { timeout: 300_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-run-profile-'));
    const profile = trustlyDocument();
    profile.rules.push({ ...profile.rules[0]!, id: 'trustly.customers.list.unfiltered', level: 'observed', status: 'observed', observation: { answer: 'refused (400)' } });
    await mkdir(join(dir, 'profile', 'trustly'), { recursive: true });
    await writeFile(join(dir, 'profile', 'trustly', 'results.json'), JSON.stringify(profile));

    const run = await conform(['run', '--vendor', 'trustly', '--profile', join(dir, 'profile'), '--rule', 'trustly.customers.list.unfiltered', '--runs', '1', '--report-dir', join(dir, 'out')]);
    expect(run.stdout).toMatch(/^adopting list-unfiltered-400 from trustly\.customers\.list\.unfiltered: a list without a filter: refused \(400\)$/m);
    expect(run.code).toBe(0);
    const results = JSON.parse(await readFile(join(dir, 'out', 'trustly', 'results.json'), 'utf8')) as ResultsDocument;
    expect(results.rules.find((r) => r.id === 'trustly.customers.list.unfiltered')?.observation).toEqual({ answer: 'refused (400)' });

    const both = await conform(['run', '--vendor', 'all', '--profile', join(dir, 'profile'), '--rule', 'trustly.customers.list.unfiltered', '--report-dir', join(dir, 'out2')]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/holds results of trustly, not of trustist.*\(or run one vendor with --vendor\)/);
  });
});
