import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureDocuments, trustlyDocument } from '../testing/results-fixtures.ts';
import { finishRun } from './finish-run.ts';

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

async function reportDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'conform-finish-'));
  dirs.push(dir);
  return dir;
}

describe('finishRun', () => {
  it('writes results.json per vendor and index.html, prints the summary and the reports, and answers the gate', async () => {
    const dir = await reportDir();
    const documents = fixtureDocuments();
    const lines: string[] = [];
    const { passes } = await finishRun(documents, { reportDir: dir, strict: false }, (l) => lines.push(l));
    for (const document of documents) {
      expect(JSON.parse(await readFile(join(dir, document.vendor, 'results.json'), 'utf8'))).toEqual(document);
    }
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(lines.filter((l) => /^\w+: \d+ passed/.test(l))).toHaveLength(documents.length);
    expect(lines.at(-1)).toBe(`reports: ${join(dir, 'trustist', 'results.json')}, ${join(dir, 'trustly', 'results.json')}, ${join(dir, 'index.html')}, ${join(dir, 'junit.xml')}`);
    // The fixtures hold a failed MUST rule (trustist.customers.update.partial): the gate does not pass.
    expect(passes).toBe(false);
    expect(lines).toContainEqual(expect.stringMatching(/^  FAILED MUST trustist\.customers\.update\.partial: /));
  });

  it('compares with the baseline: the diff goes to diff.json and a regression fails the gate', async () => {
    const dir = await reportDir();
    const baseline = trustlyDocument();
    const current = trustlyDocument();
    const regressed = current.rules.find((r) => r.status === 'passed' && r.level === 'MUST')!;
    regressed.status = 'failed';
    regressed.failure = { message: 'broke' };
    regressed.replay = `npx conform run --vendor trustly --rule ${regressed.id} --seed ${current.seed}`;
    const lines: string[] = [];
    const { passes } = await finishRun([current], { reportDir: dir, strict: false, baseline: { path: 'base.json', documents: [baseline] } }, (l) => lines.push(l));
    expect(passes).toBe(false);
    const diff = JSON.parse(await readFile(join(dir, 'diff.json'), 'utf8')) as { baseline: string; diffs: { failing: boolean }[] };
    expect(diff.baseline).toBe('base.json');
    expect(diff.diffs[0]!.failing).toBe(true);
    expect(lines.join('\n')).toContain(regressed.id);
  });
});
