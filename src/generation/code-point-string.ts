import fc from 'fast-check';

const MAX_CODE_POINT = 0x10ffff;

/** One code point, lone surrogates included; the unmapper lets fast-check shrink values it did not draw. */
const codePoint = fc.integer({ min: 0, max: MAX_CODE_POINT }).map(
  (n) => String.fromCodePoint(n),
  (value) => {
    if (typeof value !== 'string') throw new Error(`codePointString: expected a string, got ${typeof value}`);
    const n = value.codePointAt(0);
    if (n === undefined || String.fromCodePoint(n) !== value) throw new Error('codePointString: expected exactly one code point');
    return n;
  },
);

/**
 * Strings of any code points, as `fc.string({ unit: 'binary' })` draws them. That unit costs
 * seconds of CPU the first time a process builds it: fast-check maps all 1.1 million code points
 * back to indexes to place its dangerous strings ("__proto__", ...) in the output. An integer
 * unit with its own unmapper keeps those strings and shrinking, and costs nothing to build.
 */
export function codePointString(constraints: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<string> {
  return fc.string({ ...constraints, unit: codePoint });
}
