/**
 * Limits every exchange() of one session obeys. A live target is someone's real account: the
 * run's write budget, request-rate cap and deadline hold for all of its requests, whichever check
 * or suite file sends them, so the run hands one session to every check.
 */
export interface HttpLimits {
  /** Requests per second for the whole session, evenly spaced; undefined: no cap. */
  rps?: number;
  /** POST/PUT/PATCH/DELETE exchanges allowed in the whole session; undefined: no budget. */
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

export type ResolvedHttpLimits = Readonly<Omit<HttpLimits, keyof typeof HTTP_DEFAULTS> & { [K in keyof typeof HTTP_DEFAULTS]: number }>;

export const DEADLINE_REACHED = 'run deadline reached (--deadline)';

/**
 * One run's requests to its target: the limits, checked once, and what has been spent of them
 * (writes, the rate schedule), why the run was stopped if it was, and how fast the target answers.
 */
export class HttpSession {
  readonly limits: ResolvedHttpLimits;
  /** Write exchanges let through so far (reserved before they are sent). */
  writes = 0;
  /** Earliest epoch ms at which the next request may go out under the rate cap. */
  nextSlotAt = 0;
  #stopped: string | undefined;
  #latency = { mean: 0, count: 0 };

  /**
   * @param now the clock the deadline and the rate cap are read against (a test moves it past the
   *   deadline at a chosen request instead of racing a real one)
   */
  constructor(
    limits: HttpLimits = {},
    readonly now: () => number = Date.now,
  ) {
    check('rps', limits.rps, (v) => Number.isFinite(v) && v > 0, 'a number greater than 0');
    check('maxWrites', limits.maxWrites, (v) => Number.isSafeInteger(v) && v >= 0, 'a whole number of 0 or more');
    check('deadlineAt', limits.deadlineAt, (v) => Number.isFinite(v), 'an epoch time in milliseconds');
    check('maxRetries', limits.maxRetries, (v) => Number.isSafeInteger(v) && v >= 0, 'a whole number of 0 or more');
    check('maxRetryDelayMs', limits.maxRetryDelayMs, (v) => Number.isFinite(v) && v >= 0, 'a number of 0 or more');
    check('backoffBaseMs', limits.backoffBaseMs, (v) => Number.isFinite(v) && v >= 0, 'a number of 0 or more');
    const defined = Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined));
    this.limits = Object.freeze({ ...HTTP_DEFAULTS, ...defined });
  }

  /**
   * Stops every later request of this session, with `reason` as each one's error. Once the target
   * refuses the run's own credentials (a lock-out, a revoked key), more requests only make it worse.
   */
  stop(reason: string): void {
    this.#stopped ??= reason;
  }

  /** Why the session was stopped, or undefined while it goes on. */
  get stopped(): string | undefined {
    return this.#stopped;
  }

  /** Milliseconds left before the deadline; undefined when there is none. */
  msToDeadline(now = this.now()): number | undefined {
    return this.limits.deadlineAt === undefined ? undefined : this.limits.deadlineAt - now;
  }

  /** Records how long one answer of the target took (sending to the end of its body). */
  noteLatency(ms: number): void {
    // A moving mean over about the last 50 answers: a target that slows down mid-run is seen soon.
    this.#latency.count = Math.min(this.#latency.count + 1, 50);
    this.#latency.mean += (ms - this.#latency.mean) / this.#latency.count;
  }

  /** The target's recent mean latency in ms, or undefined before its first answer. */
  typicalLatencyMs(): number | undefined {
    return this.#latency.count > 0 ? this.#latency.mean : undefined;
  }
}

function check(name: string, value: number | undefined, ok: (v: number) => boolean, expected: string): void {
  if (value !== undefined && (typeof value !== 'number' || !ok(value))) throw new TypeError(`HttpSession: ${name} must be ${expected}, not ${String(value)}`);
}
