import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryChar } from './binary-char.ts';

describe('binaryChar', () => {
  it("draws exactly what fast-check's binary unit draws, seed for seed", () => {
    for (const seed of [1, 42, 20240601]) {
      const ours = fc.sample(fc.string({ unit: binaryChar, maxLength: 20 }), { seed, numRuns: 200 });
      const theirs = fc.sample(fc.string({ unit: 'binary', maxLength: 20 }), { seed, numRuns: 200 });
      expect(ours).toEqual(theirs);
    }
  });

  it('maps back every code point at the edges of the surrogate gap, and refuses what it cannot draw', () => {
    for (const codePoint of [0, 0x41, 0xd7ff, 0xe000, 0xffff, 0x10000, 0x10ffff]) {
      expect(binaryChar.canShrinkWithoutContext(String.fromCodePoint(codePoint))).toBe(true);
    }
    for (const value of ['\ud800', '\udfff', 'ab', '', 1, undefined]) expect(binaryChar.canShrinkWithoutContext(value)).toBe(false);
  });

  it('shrinks a failing string the way the binary unit does', () => {
    const failing = (unit: fc.Arbitrary<string> | 'binary') => {
      const details = fc.check(fc.property(fc.string({ unit, maxLength: 20 }), (s) => !/[\u0100-\u{10ffff}]/u.test(s)), { seed: 7, numRuns: 1000 });
      return details.counterexample;
    };
    expect(failing(binaryChar)).toEqual(failing('binary'));
    expect(failing(binaryChar)).not.toBeNull();
  });
});
