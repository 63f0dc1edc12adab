import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointString } from './code-point-string.ts';

describe('codePointString', () => {
  it('keeps to its length in code points', () => {
    fc.assert(fc.property(codePointString({ minLength: 2, maxLength: 5 }), (s) => [...s].length >= 2 && [...s].length <= 5));
  });

  it('draws beyond ASCII and the BMP, lone surrogates and control characters included', () => {
    const drawn = fc.sample(codePointString({ maxLength: 20 }), { numRuns: 500, seed: 1 }).flatMap((s) => [...s].map((c) => c.codePointAt(0)!));
    expect(drawn.some((n) => n < 0x20)).toBe(true);
    expect(drawn.some((n) => n > 0xffff)).toBe(true);
    expect(drawn.some((n) => n >= 0xd800 && n <= 0xdfff)).toBe(true);
  });

  it('can shrink a value it did not draw, as the binary unit can', () => {
    const arbitrary = codePointString({ maxLength: 20 });
    expect(arbitrary.canShrinkWithoutContext('__proto__')).toBe(true);
    expect(arbitrary.canShrinkWithoutContext('😀\u0000')).toBe(true);
    expect(arbitrary.canShrinkWithoutContext(42)).toBe(false);
  });
});
