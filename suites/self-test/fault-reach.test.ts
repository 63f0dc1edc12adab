import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ELSEWHERE, literals, startFaultReach } from './fault-reach.ts';

describe('literals', () => {
  it('takes a name as a spot only where it is compared, in either quote; written anywhere else, it is marked as read elsewhere', () => {
    const source = `if (ctx.fault === 'a') x(); const T = { 'b': 1 }; switch (f) { case "c": y(); } if (variants.has('d') || fault !== "a") z();`;
    const sites = literals(source, ['a', 'b', 'c', 'd', 'e']);
    expect(sites.get('a')).toEqual([source.indexOf(`'a'`), source.indexOf(`"a"`)]);
    expect(sites.get('b')).toEqual([ELSEWHERE]);
    expect(sites.get('c')).toEqual([source.indexOf(`"c"`)]);
    expect(sites.get('d')).toEqual([source.indexOf(`'d'`)]);
    expect(sites.has('e')).toBe(false);
  });

  it('does not take a longer name for a shorter one', () => {
    expect(literals(`fault === 'list-prefix-match-2'`, ['list-prefix-match']).size).toBe(0);
  });
});

describe('startFaultReach', () => {
  it('counts a name compared last in its condition only in the stretches where the conditions before it held', async () => {
    // The counter looks at the mocks' code only: the probe lives under a src/mock/ folder.
    const dir = join(await mkdtemp(join(tmpdir(), 'conform-reach-')), 'src', 'mock');
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'probe.mjs');
    await writeFile(file, `export function probe(fault, body) {\n  if (body === '' && fault === 'empty-body') return 'faulty';\n  return fault === 'always' ? 'other' : 'correct';\n}\n`);
    const reach = await startFaultReach(['empty-body', 'always', 'nowhere']);
    const { probe } = (await import(pathToFileURL(file).href)) as { probe: (fault: string | undefined, body: string) => string };
    await reach.mark();
    expect(probe(undefined, '{}')).toBe('correct');
    await reach.mark();
    expect(probe(undefined, '')).toBe('correct');
    await reach.mark();
    const { stretches, unsited } = await reach.finish();
    expect(stretches.map((names) => [...names].sort())).toEqual([[], ['always'], ['always', 'empty-body']]);
    expect(unsited).toEqual(['nowhere']);
  });
});
