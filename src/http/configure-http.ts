/**
 * Limits every exchange() of this process obeys. A live target is someone's real account: the
 * run's write budget, request-rate cap and deadline hold for all requests, whichever check or
 * suite file sends them.
 */
export interface HttpLimits {
  /** Requests per second for the whole process, evenly spaced; undefined: no cap. */
  rps?: number;
  /** POST/PUT/PATCH/DELETE exchanges allowed in the whole run; undefined: no budget. */
  maxWrites?: number;
  /** Epoch milliseconds after which no request is sent; undefined: no deadline. */
  deadlineAt?: number;
  /** Retries after a 429/503 (or, for idempotent methods, a connection error); 0 turns them off. */
  maxRetries?: number;
  /** Longest wait before one retry, Retry-After included. */
  maxRetryDelayMs?: number;
  /** First back-off step when there is no Retry-After; doubled per retry, with jitter. */
  backoffBaseMs?: number;
}

export const HTTP_DEFAULTS = { maxRetries: 3, maxRetryDelayMs: 30_000, backoffBaseMs: 250 } as const;

export type ResolvedHttpLimits = Omit<HttpLimits, keyof typeof HTTP_DEFAULTS> & { [K in keyof typeof HTTP_DEFAULTS]: number };

interface HttpState {
  limits: ResolvedHttpLimits;
  /** Write exchanges let through so far (reserved before they are sent). */
  writes: number;
  /** Earliest epoch ms at which the next request may go out under the rate cap. */
  nextSlotAt: number;
}

// Kept on globalThis, not in module scope: vitest can evaluate this module afresh for each suite
// file while they share one worker process, and the budget is the process's, not the file's.
const STATE = Symbol.for('conform.http.state');
type WithState = typeof globalThis & { [STATE]?: HttpState };

function fresh(): HttpState {
  return { limits: { ...HTTP_DEFAULTS }, writes: 0, nextSlotAt: 0 };
}

/** This process's limits and what has been spent of them. */
export function httpState(): HttpState {
  const g = globalThis as WithState;
  return (g[STATE] ??= fresh());
}

/**
 * Sets the limits of every later exchange in this process. What was already spent (writes, the
 * rate schedule) is kept, so calling it again with the run's limits before each check is harmless.
 */
export function configureHttp(limits: HttpLimits): void {
  check('rps', limits.rps, (v) => Number.isFinite(v) && v > 0, 'a number greater than 0');
  check('maxWrites', limits.maxWrites, (v) => Number.isSafeInteger(v) && v >= 0, 'a whole number of 0 or more');
  check('deadlineAt', limits.deadlineAt, (v) => Number.isFinite(v), 'an epoch time in milliseconds');
  check('maxRetries', limits.maxRetries, (v) => Number.isSafeInteger(v) && v >= 0, 'a whole number of 0 or more');
  check('maxRetryDelayMs', limits.maxRetryDelayMs, (v) => Number.isFinite(v) && v >= 0, 'a number of 0 or more');
  check('backoffBaseMs', limits.backoffBaseMs, (v) => Number.isFinite(v) && v >= 0, 'a number of 0 or more');
  const defined = Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined));
  httpState().limits = { ...HTTP_DEFAULTS, ...defined };
}

/** Back to the defaults (no rate cap, no write budget, no deadline, retries on), nothing spent. */
export function resetHttp(): void {
  (globalThis as WithState)[STATE] = fresh();
}

function check(name: string, value: number | undefined, ok: (v: number) => boolean, expected: string): void {
  if (value !== undefined && (typeof value !== 'number' || !ok(value))) throw new TypeError(`configureHttp: ${name} must be ${expected}, not ${String(value)}`);
}
