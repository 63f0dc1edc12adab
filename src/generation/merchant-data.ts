import fc from 'fast-check';
import { CROSS, styledText, type TextStyle } from './styled-text.ts';

/** A merchant's free-form data: nested objects and arrays of JSON values that survive any JSON store (no nulls, safe integers). */
export function merchantData(style: TextStyle): fc.Arbitrary<Record<string, unknown>> {
  const key = fc.oneof(CROSS, fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,11}$/), styledText(style, 1, 8)).filter((k) => k !== '__proto__');
  const leaf = fc.oneof(CROSS, styledText(style, 0, 16), fc.integer(), fc.boolean(), fc.constantFrom(0.5, 19.99, -3.25));
  const value = fc.oneof(CROSS, { weight: 4, arbitrary: leaf }, { weight: 1, arbitrary: fc.array(leaf, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.dictionary(key, leaf, { maxKeys: 3 }) });
  return fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 });
}

/** An amount of money written as a decimal string with two places, e.g. "1250.05". */
export function decimalAmount(): fc.Arbitrary<string> {
  return fc.tuple(fc.nat(1_000_000), fc.nat(99)).map(([units, cents]) => `${units}.${String(cents).padStart(2, '0')}`);
}
