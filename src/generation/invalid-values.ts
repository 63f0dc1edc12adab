import fc from 'fast-check';

/** JSON bodies that are not objects. */
export function nonObjectBody(): fc.Arbitrary<unknown> {
  return fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
}

/** Dates in YYYY-MM-DD shape that do not exist, and dates not in that shape. */
export function impossibleDate(): fc.Arbitrary<string> {
  const year = fc.integer({ min: 1900, max: 2099 });
  const nonLeap = year.filter((y) => !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)));
  const pad = (n: number) => String(n).padStart(2, '0');
  return fc.oneof(
    nonLeap.map((y) => `${y}-02-29`),
    fc.tuple(year, fc.constantFrom(30, 31)).map(([y, d]) => `${y}-02-${d}`),
    fc.tuple(year, fc.constantFrom(4, 6, 9, 11)).map(([y, m]) => `${y}-${pad(m)}-31`),
    fc.tuple(year, fc.constantFrom(0, 13, 19, 99), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
    fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 32, 99)).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
    fc.constantFrom('15/03/1985', '1985-3-15', '19850315', '1985-03-15T00:00:00Z', ' 1985-03-15', 'yesterday'),
  );
}

/** Values that are not one of `listed`, uppercase two-letter codes (ISO 3166-1 alpha-2): near misses in case, length and spelling. */
export function outsideCodes(listed: readonly string[]): fc.Arbitrary<string> {
  const codes = new Set(listed);
  const upper = fc.stringMatching(/^[A-Z]{2}$/).filter((s) => !codes.has(s));
  return fc.oneof(
    upper,
    fc.constantFrom(...codes).map((c) => c.toLowerCase()),
    fc.constantFrom(...codes).map((c) => `${c[0]}${c[1]!.toLowerCase()}`),
    fc.stringMatching(/^[A-Z]{3}$/),
    fc.constantFrom('XX', 'UK', 'EU', 'GBR', 'USA', 'G', '', ' GB', '826').filter((s) => !codes.has(s)),
  );
}
