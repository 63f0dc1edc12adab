// Reading the target's `created` / `lastUpdated`. The docs show second-precision UTC times
// (2025-01-21T14:30:00Z); a target may write milliseconds or more. The resolution matters:
// "lastUpdated moves forward" can only be demanded of two updates further apart than one tick.

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

export interface Timestamp {
  /** Milliseconds since the epoch, fractions of a millisecond kept. */
  ms: number;
  /** The smallest step the text can express, in milliseconds (1000 for whole seconds). */
  resolutionMs: number;
}

/** An RFC 3339 date-time (the spec's `format: date-time`), or undefined when the text is not one. */
export function parseTimestamp(text: unknown): Timestamp | undefined {
  if (typeof text !== 'string') return undefined;
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zone] = m;
  const whole = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone!.toUpperCase()}`);
  if (Number.isNaN(whole)) return undefined;
  // Date.parse accepts 2023-02-30; an RFC 3339 date must be a real one.
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined;
  const ms = whole + (fraction === '' ? 0 : Number(`0.${fraction}`) * 1000);
  return { ms, resolutionMs: Math.max(10 ** (3 - fraction.length), 1e-3) };
}

/**
 * A timestamp as compared: the instant it names (epoch ms), or the value itself when it is not
 * RFC 3339. `…T14:30:00Z` and `…T14:30:00+00:00` name one instant, and the docs promise the
 * instant, not its spelling.
 */
export function instant(text: unknown): unknown {
  return parseTimestamp(text)?.ms ?? text;
}
