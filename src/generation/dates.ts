import fc from 'fast-check';

/** Real calendar dates, leap days included, as YYYY-MM-DD. */
export function calendarDate(): fc.Arbitrary<string> {
  return fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
}

/** Real calendar dates, with leap days (and the last day of a century's year) drawn often. */
export function dateOfBirth(): fc.Arbitrary<string> {
  return fc.oneof({ weight: 4, arbitrary: calendarDate() }, { weight: 1, arbitrary: fc.constantFrom('2000-02-29', '2024-02-29', '1904-02-29', '1999-12-31') });
}

/** Instants of this century as Unix milliseconds (an integer field holding a date). */
export function unixMillis(): fc.Arbitrary<number> {
  return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.getTime());
}
