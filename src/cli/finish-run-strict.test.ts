import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResultsDocument } from '../results/results.ts';
import { trustlyDocument } from '../testing/results-fixtures.ts';
import { finishRun } from './finish-run.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** Trustly's fixture with its failures passed, and drift on one passed MUST rule: what a run without --strict leaves. */
function driftingRun(): ResultsDocument {
  const document = trustlyDocument();
  const rules = document.rules.map((r) => (r.status === 'failed' ? { ...r, status: 'passed' as const } : r));
  const index = rules.findIndex((r) => r.status === 'passed' && r.level === 'MUST');
  rules[index] = { ...rules[index]!, observation: { drift: [{ operation: 'getCustomer', status: 200, pointer: '/customer/vip', message: 'must be boolean', received: 'yes' }] } };
  return { ...document, rules };
}

describe('finishRun under --strict (conform report --strict of a run made without it)', () => {
  it('fails the rule that met drift, in results.json and the gate; without --strict the gate passes', async () => {
    const run = driftingRun();
    const drifted = run.rules.find((r) => r.observation !== undefined)!;
    const lax = await mkdtemp(join(tmpdir(), 'conform-lax-'));
    const strict = await mkdtemp(join(tmpdir(), 'conform-strict-'));
    dirs.push(lax, strict);
    expect((await finishRun([run], { reportDir: lax, strict: false }, () => {})).passes).toBe(true);
    const lines: string[] = [];
    expect((await finishRun([run], { reportDir: strict, strict: true }, (l) => lines.push(l))).passes).toBe(false);
    const written = JSON.parse(await readFile(join(strict, 'trustly', 'results.json'), 'utf8')) as ResultsDocument;
    expect(written.rules.find((r) => r.id === drifted.id)).toMatchObject({ status: 'failed', failure: { message: expect.stringContaining('(strict mode): must be boolean') } });
    expect(lines).toContainEqual(expect.stringContaining(`FAILED MUST ${drifted.id}`));
    expect(await readFile(join(strict, 'junit.xml'), 'utf8')).toContain('must be boolean');
  });
});
