import fc from 'fast-check';
import { alphanumeric, CROSS, digits, styledText, type TextStyle } from './styled-text.ts';

export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
  'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD',
  'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
] as const;
const CA_PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;

const usZip = fc.oneof(CROSS, digits(5, 5), fc.tuple(digits(5, 5), digits(4, 4)).map(([a, b]) => `${a}-${b}`));
const caPostal = fc
  .tuple(fc.constantFrom(...'ABCEGHJKLMNPRSTVXY'), digits(1, 1), fc.constantFrom(...'ABCEGHJKLMNPRSTVWXYZ'), digits(1, 1), fc.constantFrom(...'ABCEGHJKLMNPRSTVWXYZ'), digits(1, 1))
  .map(([a, b, c, d, e, f]) => `${a}${b}${c} ${d}${e}${f}`);

/** The parts of an address whose value depends on its country. */
export interface CountryParts {
  country: fc.Arbitrary<string>;
  region: fc.Arbitrary<string>;
  postalCode: fc.Arbitrary<string>;
}

/**
 * Countries an address is drawn in, with the region and postal code that fit each: the US most
 * often (two-letter state, ZIP or ZIP+4), Canada (province, A1A 1A1), and any listed country
 * with free-form text, so a target that checks a US ZIP against a US state finds one.
 */
export function countryParts(countries: readonly string[], style: TextStyle): { weight: number; parts: CountryParts }[] {
  return [
    { weight: 3, parts: { country: fc.constant('US'), region: fc.constantFrom(...US_STATES), postalCode: usZip } },
    { weight: 1, parts: { country: fc.constant('CA'), region: fc.constantFrom(...CA_PROVINCES), postalCode: caPostal } },
    { weight: 1, parts: { country: fc.constantFrom(...countries), region: styledText(style, 1, 16), postalCode: alphanumeric(3, 10) } },
  ];
}
