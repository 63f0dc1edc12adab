import fc from 'fast-check';

/** Dates in the YYYY-MM-DD shape that do not exist (Feb 29 of a common year, day 31 of a short month, month 13), and dates in another shape. */
export function impossibleDate(): fc.Arbitrary<string> {
  const year = fc.integer({ min: 1900, max: 2099 });
  const common = year.filter((y) => !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)));
  const pad = (n: number) => String(n).padStart(2, '0');
  return fc.oneof(
    common.map((y) => `${y}-02-29`),
    fc.tuple(year, fc.constantFrom(30, 31)).map(([y, d]) => `${y}-02-${d}`),
    fc.tuple(year, fc.constantFrom(4, 6, 9, 11)).map(([y, m]) => `${y}-${pad(m)}-31`),
    fc.tuple(year, fc.constantFrom(0, 13, 19, 99), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
    fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 32, 99)).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
    fc.constantFrom('15/03/1985', '1985-3-15', '19850315', '1985-03-15T00:00:00Z', ' 1985-03-15', 'yesterday'),
  );
}
