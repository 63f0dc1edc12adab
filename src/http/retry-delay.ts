/**
 * Milliseconds a Retry-After header asks for: delta-seconds or an HTTP date; undefined when
 * absent or unreadable (the caller falls back to exponential back-off).
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its month; Date.parse alone would take "-3" for the year -3.
  const at = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface RetryDelayOptions {
  /** 0 for the first retry. */
  retry: number;
  retryAfter?: string;
  baseMs: number;
  capMs: number;
  now?: number;
  random?: () => number;
}

/**
 * How long to wait before a retry: what Retry-After asks (plus up to 10% so that clients told the
 * same moment do not return together), else base·2^retry scaled by a random 50–100%; never over
 * the cap.
 */
export function retryDelayMs({ retry, retryAfter, baseMs, capMs, now = Date.now(), random = Math.random }: RetryDelayOptions): number {
  const asked = parseRetryAfter(retryAfter, now);
  const delay = asked !== undefined ? asked * (1 + 0.1 * random()) : baseMs * 2 ** retry * (0.5 + 0.5 * random());
  return Math.min(capMs, Math.round(delay));
}
