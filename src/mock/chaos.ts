import { randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { checkChaosOptions, describeChaos, type ChaosOptions } from './chaos-options.ts';

export type { ChaosOptions } from './chaos-options.ts';

// The chaos layer sits in front of either mock's request handler and decides, before the request
// reaches the mock's state, whether to serve it, refuse it (429, 503) or reset the connection: a
// refused or dropped request changes nothing in the store. It knows no vendor; each mock renders
// a refusal in its own error shape.

export type ChaosAction = 'serve' | 'rate-limit' | 'fail' | 'drop';

export interface ChaosDecision {
  action: ChaosAction;
  /** Milliseconds to wait before acting (the latency option; 0 without it). */
  delayMs: number;
  /** For a refusal: the seconds its Retry-After header asks for. */
  retryAfterSec?: number;
}

/** What the layer did so far, for tests that must know the client met the chaos it was given. */
export interface ChaosCounts {
  requests: number;
  served: number;
  rateLimited: number;
  failed: number;
  dropped: number;
  /** The connection closed while the answer was delayed (the client gave up, or the mock closed): nothing was done. */
  abandoned: number;
}

/** A 429 or 503 in the vendor's error shape; the layer has set Retry-After on `res` already. */
export type RenderRefusal = (res: ServerResponse, status: 429 | 503, message: string) => void;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The seeded decisions, one a request in arrival order. Each request draws the same three numbers
 * (drop, fail, latency) whatever options are set, so request k meets the same fate for a seed
 * whatever happened before it; only the rate limit depends on time, as a rate limit does.
 */
export class ChaosDecider {
  readonly seed: number;
  private readonly rng: ReturnType<typeof xoroshiro128plus>;
  private readonly capacity: number;
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly options: ChaosOptions,
    private readonly now: () => number = () => performance.now(),
  ) {
    checkChaosOptions(options);
    this.seed = options.seed ?? randomInt(0, 0xffff_ffff);
    this.rng = xoroshiro128plus(this.seed);
    // A bucket that holds one second's worth (at least one request) lets a burst of that size through.
    this.capacity = Math.max(1, options.rateLimit ?? 1);
    this.tokens = this.capacity;
    this.refilledAt = this.now();
  }

  decide(): ChaosDecision {
    const drop = uniformFloat64(this.rng);
    const fail = uniformFloat64(this.rng);
    const delayMs = this.latency(uniformFloat64(this.rng));
    if (drop < (this.options.dropRate ?? 0)) return { action: 'drop', delayMs };
    const rate = this.options.rateLimit;
    if (rate !== undefined) {
      const now = this.now();
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.refilledAt) / 1000) * rate);
      this.refilledAt = now;
      if (this.tokens < 1) return { action: 'rate-limit', delayMs, retryAfterSec: Math.max(1, Math.ceil((1 - this.tokens) / rate)) };
      this.tokens -= 1;
    }
    if (fail < (this.options.failRate ?? 0)) return { action: 'fail', delayMs, retryAfterSec: 1 };
    return { action: 'serve', delayMs };
  }

  private latency(u: number): number {
    const { latencyMs } = this.options;
    if (latencyMs === undefined) return 0;
    if (typeof latencyMs === 'number') return latencyMs;
    return latencyMs.min + Math.floor(u * (latencyMs.max - latencyMs.min + 1));
  }
}

/** One line of what the layer did, e.g. for the mock's output when it stops. */
export function describeCounts(counts: ChaosCounts): string {
  return `chaos: ${counts.requests} requests: ${counts.served} served, ${counts.rateLimited} rate-limited (429), ${counts.failed} failed (503), ${counts.dropped} dropped, ${counts.abandoned} not answered (connection closed during the delay)`;
}

export interface ChaosLayer {
  seed: number;
  options: ChaosOptions;
  /** A copy of the counts so far. */
  counts(): ChaosCounts;
  /** One line saying what the layer does, for the mock's start-up output. */
  describe(): string;
  /** The mock's handler behind the layer. */
  wrap(handler: Handler): Handler;
}

/**
 * The layer for one mock. `render` draws a refusal in the mock's error shape; `now` is the clock
 * the rate limit reads (the mock's own, so a test that stops the mock's time stops the refill).
 */
export function chaosLayer(options: ChaosOptions, render: RenderRefusal, now?: () => number): ChaosLayer {
  const decider = new ChaosDecider(options, now);
  const counts: ChaosCounts = { requests: 0, served: 0, rateLimited: 0, failed: 0, dropped: 0, abandoned: 0 };
  const act = (handler: Handler, req: IncomingMessage, res: ServerResponse, decision: ChaosDecision) => {
    if (req.socket.destroyed) {
      counts.abandoned++;
      return;
    }
    switch (decision.action) {
      case 'drop':
        counts.dropped++;
        // A TCP reset, as a failing load balancer sends: the client gets ECONNRESET, not an answer.
        req.socket.resetAndDestroy();
        return;
      case 'rate-limit':
        counts.rateLimited++;
        res.setHeader('retry-after', String(decision.retryAfterSec));
        render(res, 429, `Too many requests: at most ${options.rateLimit} a second are served; retry after ${decision.retryAfterSec} s.`);
        return;
      case 'fail':
        counts.failed++;
        res.setHeader('retry-after', String(decision.retryAfterSec));
        render(res, 503, `The service is unavailable for the moment; retry after ${decision.retryAfterSec} s.`);
        return;
      case 'serve':
        counts.served++;
        handler(req, res);
    }
  };
  return {
    seed: decider.seed,
    options,
    counts: () => ({ ...counts }),
    describe: () => describeChaos(options, decider.seed),
    wrap: (handler) => (req, res) => {
      counts.requests++;
      const decision = decider.decide();
      if (decision.delayMs === 0) return act(handler, req, res, decision);
      // Unref'd: a delayed answer must not keep a closed mock's process alive.
      setTimeout(() => act(handler, req, res, decision), decision.delayMs).unref();
    },
  };
}
