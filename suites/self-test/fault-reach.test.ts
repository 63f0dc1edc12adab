import { describe, expect, it } from 'vitest';
import { ELSEWHERE, literals } from './fault-reach.ts';

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
