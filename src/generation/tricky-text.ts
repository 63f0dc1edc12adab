import fc from 'fast-check';

/** Samples that break naive text handling: astral emoji and symbols, ZWJ sequences, combining marks, RTL. */
export const TRICKY_TEXT = ['😀', '👩‍👩‍👧', '𝔘𝔫𝔦', '𠜎𠜱', 'e\u0301', 'n\u0303', 'क्ष', 'Zoë', 'ß', 'İ', 'Ǆ', '🇬🇧', 'عربى', '\u{10FFFD}', "O'Brien-Ñúñez"];

const grapheme = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 });
const unit = fc.oneof({ weight: 3, arbitrary: grapheme }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY_TEXT) });

/**
 * Any Unicode text, with characters outside the BMP and combining marks drawn often: uniform
 * generation would rarely draw the values stores get wrong.
 */
export function trickyText(options: { minLength?: number; maxLength?: number; size?: 'max' } = {}): fc.Arbitrary<string> {
  return fc.string({ unit, minLength: options.minLength ?? 0, maxLength: options.maxLength ?? 24, ...(options.size ? { size: options.size } : {}) });
}

/**
 * A name: short, or long (up to 100 characters, biased past 64, where stores truncate). Marked as
 * test data ("Test …"), since it stays in a sandbox that cannot delete; the empty name stays too.
 */
export function personName(): fc.Arbitrary<string> {
  return fc
    .oneof({ weight: 2, arbitrary: trickyText({ maxLength: 20 }) }, { weight: 1, arbitrary: trickyText({ maxLength: 100, size: 'max' }) })
    .map((name) => (name === '' ? '' : `Test ${name}`));
}
