import fc from 'fast-check';

// Text for customer fields in two styles. "Any Unicode text" is what round-trip bugs hide in, and
// fast-check's default strings are short and mostly ASCII, so rich text makes the risky cases
// common: characters outside the Basic Multilingual Plane (surrogate pairs in UTF-16), combining
// marks (which a normalising store rewrites), other scripts, and names longer than 64 characters.
// Plain text (ASCII letters and digits) is for the rules whose point is not the text.

const codePoint = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));

// withCrossShrink lets a shrunk unit fall back to the first (simplest) kind, so a counterexample
// keeps only the characters its failure needs: "AAAA…A" for a length bug, "A🌀" for an astral one.
export const CROSS = { withCrossShrink: true };
const ASCII_LETTER = fc.oneof(CROSS, codePoint(0x41, 0x5a), codePoint(0x61, 0x7a));
/** Latin-1 and Latin Extended-A letters (é, ß, Ł ...), skipping × and ÷. */
const LATIN = codePoint(0xc0, 0x17f).filter((c) => c !== '\u00d7' && c !== '\u00f7');
/** Letters of other scripts inside the BMP: Greek, Cyrillic, Hebrew, Arabic, Devanagari, CJK, Hangul. */
const OTHER_SCRIPT = fc.oneof(
  codePoint(0x391, 0x3a1),
  codePoint(0x410, 0x44f),
  codePoint(0x5d0, 0x5ea),
  codePoint(0x627, 0x64a),
  codePoint(0x905, 0x939),
  codePoint(0x4e00, 0x9fff),
  codePoint(0xac00, 0xd7a3),
);
/** Outside the BMP: emoji, CJK Extension B, mathematical letters, Gothic. Never a lone surrogate. */
const ASTRAL = fc.oneof(codePoint(0x1f300, 0x1f64f), codePoint(0x20000, 0x2a6df), codePoint(0x1d400, 0x1d433), codePoint(0x10330, 0x1034a));
/** A base letter carrying one to three combining marks (U+0300..U+036F), e.g. "e\u0301". */
const WITH_MARKS = fc
  .tuple(fc.oneof(ASCII_LETTER, LATIN), fc.array(codePoint(0x300, 0x36f), { minLength: 1, maxLength: 3 }))
  .map(([base, marks]) => base + marks.join(''));

/** One visible unit of rich text; the risky kinds are weighted up so that most strings hold one. */
const RICH_UNIT = fc.oneof(
  CROSS,
  { weight: 4, arbitrary: ASCII_LETTER },
  { weight: 2, arbitrary: LATIN },
  { weight: 2, arbitrary: OTHER_SCRIPT },
  { weight: 2, arbitrary: ASTRAL },
  { weight: 2, arbitrary: WITH_MARKS },
);
const PLAIN_UNIT = fc.oneof(CROSS, { weight: 5, arbitrary: ASCII_LETTER }, { weight: 1, arbitrary: codePoint(0x30, 0x39) });

export type TextStyle = 'rich' | 'plain';

/**
 * Text of `minUnits`..`maxUnits` units with inner spaces but none leading or trailing (a store
 * that trims would be a different finding). Rich text holds astral characters and combining marks.
 */
export function styledText(style: TextStyle, minUnits: number, maxUnits: number): fc.Arbitrary<string> {
  const unit = style === 'rich' ? RICH_UNIT : PLAIN_UNIT;
  const inner = fc.oneof(CROSS, { weight: 6, arbitrary: unit }, { weight: 1, arbitrary: fc.constant(' ') });
  if (maxUnits <= 1) return unit;
  const several = fc
    .tuple(unit, fc.array(inner, { minLength: Math.max(0, minUnits - 2), maxLength: maxUnits - 2 }), unit)
    .map(([first, middle, last]) => first + middle.join('') + last);
  return minUnits <= 1 ? fc.oneof(CROSS, { weight: 1, arbitrary: unit }, { weight: 5, arbitrary: several }) : several;
}

/** Full names: often longer than 64 characters (a common column width) in rich style. */
export function styledName(style: TextStyle): fc.Arbitrary<string> {
  if (style === 'plain') return styledText('plain', 1, 30);
  return fc.oneof(CROSS, { weight: 2, arbitrary: styledText('rich', 1, 24) }, { weight: 1, arbitrary: styledText('rich', 70, 110) });
}

/** Digits only, e.g. tax ids, national ids, organisation numbers ("012345678"). */
export function digits(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.array(codePoint(0x30, 0x39), { minLength, maxLength }).map((d) => d.join(''));
}

/** Upper-case letters and digits, e.g. driver's license numbers ("A1234567"). */
export function alphanumeric(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.array(fc.oneof(codePoint(0x41, 0x5a), codePoint(0x30, 0x39)), { minLength, maxLength }).map((c) => c.join(''));
}
