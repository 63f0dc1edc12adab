import { describe, expect, it } from 'vitest';
import { holdsAstral, mangleAstral } from './astral-text.ts';

describe('astral text', () => {
  it('finds an astral character in any string of a nested value, and nowhere else', () => {
    expect(holdsAstral({ name: 'Ada', address: { city: 'London', lines: ['x', 'caf\u00e9 \u{1F600}'] } })).toBe(true);
    expect(holdsAstral({ name: 'Ada \u4e2d\u6587 \uFFFD', n: 1, none: null, address: { city: 'Z\u00fcrich' } })).toBe(false);
    // A lone surrogate is not a character of the astral planes.
    expect(holdsAstral('\ud83d')).toBe(false);
  });

  it('replaces each astral character with U+FFFD and keeps everything else', () => {
    expect(mangleAstral({ a: '\u{1F600}x\u{20000}', b: [1, '\u{1F4A9}'], c: null })).toEqual({ a: '\uFFFDx\uFFFD', b: [1, '\uFFFD'], c: null });
  });
});
