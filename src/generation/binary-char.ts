import fc from 'fast-check';

// The surrogate code points, which fast-check's binary unit leaves out: it numbers every other
// code point in order, U+0000 to U+D7FF and then U+E000 to U+10FFFF.
const SURROGATES_START = 0xd800;
const SURROGATES = 0xe000 - 0xd800;

/**
 * The same characters as fast-check's `fc.string({ unit: 'binary' })` draws, drawn the same way
 * (the same value for the same seed), with an unmapper that computes a character's index instead
 * of looking it up. fast-check's own unit builds its lookup, a Map of all 1,112,064 code points,
 * when a string arbitrary is made from it: one to four seconds of CPU in every process that did.
 */
export const binaryChar: fc.Arbitrary<string> = fc.nat({ max: 0x10ffff - SURROGATES }).map(
  (index) => String.fromCodePoint(index < SURROGATES_START ? index : index + SURROGATES),
  (value) => {
    const codePoint = typeof value === 'string' ? value.codePointAt(0) : undefined;
    if (codePoint === undefined || String.fromCodePoint(codePoint) !== value || (codePoint >= SURROGATES_START && codePoint < SURROGATES_START + SURROGATES)) {
      throw new Error(`binaryChar: ${JSON.stringify(value)} is not one code point outside the surrogates`);
    }
    return codePoint < SURROGATES_START ? codePoint : codePoint - SURROGATES;
  },
);
