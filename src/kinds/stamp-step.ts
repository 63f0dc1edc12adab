/**
 * The smallest step of an RFC 3339 stamp as written, in ms: how long a later write must wait
 * before it can move a stamp like this one. A stamp steps by its last non-zero fractional digit:
 * `…:33Z` and `…:33.000Z` by a second (a clock of whole seconds may still print milliseconds,
 * and a stamp that happens to fall on .000 only costs a longer wait), `…:33.120Z` by 10 ms,
 * `…:33.123Z` or anything finer by 1 ms. A value that is not such a stamp steps by a second.
 */
export function stampStepMs(value: unknown): number {
  const fraction = typeof value === 'string' ? (/\d\d:\d\d:\d\d\.(\d+)/.exec(value)?.[1] ?? '') : '';
  const significant = fraction.replace(/0+$/, '').length;
  return 10 ** (3 - Math.min(3, significant));
}
