import { createHash } from 'node:crypto';
import type { Exchange } from '../http/exchange.ts';
import type { RunConfig } from './run-config.ts';

// Every exchange any check records passes through here (CheckContext.record), so that the rule
// "no request gets a 5xx" can judge the requests of every other check of the run as well as its
// own. The tally is per process: a run whose suite files share one worker (every live run, and
// the self-test) is counted whole; with several workers, each no-server-error check sees the
// checks of its own worker that ran before it, besides the broad sample it sends itself.

export interface ServerErrorSighting {
  /** The rule whose check sent the request. */
  rule: string;
  method: string;
  url: string;
  status: number;
  body: string;
}

const sightings = new Map<string, ServerErrorSighting[]>();
const counted = new Map<string, number>();

/**
 * One run against one target: the run id, the base URL and the credentials. The credentials are
 * part of it because the self-test starts a fresh mock (fresh keys) per fault on ports the system
 * may hand out again; they are hashed, never kept.
 */
export function tallyKey(config: Pick<RunConfig, 'runId' | 'baseUrl' | 'env'>): string {
  const keys = createHash('sha256').update(JSON.stringify(Object.entries(config.env).sort())).digest('hex').slice(0, 16);
  return `${config.runId} ${config.baseUrl} ${keys}`;
}

/**
 * A 5xx that the documentation does not excuse: every 500-599 but a 503 that asks to be retried
 * (Retry-After), which is the documented temporary unavailability.
 */
export function isServerError(exchange: Exchange): boolean {
  const response = exchange.response;
  if (!response || response.status < 500 || response.status > 599) return false;
  return !(response.status === 503 && response.headers['retry-after'] !== undefined);
}

export function tallyExchange(key: string, rule: string, exchange: Exchange): void {
  counted.set(key, (counted.get(key) ?? 0) + 1);
  if (!isServerError(exchange)) return;
  const list = sightings.get(key) ?? [];
  if (list.length < 50) {
    const { status, body } = exchange.response!;
    list.push({ rule, method: exchange.request.method, url: exchange.request.url, status, body: body.slice(0, 500) });
  }
  sightings.set(key, list);
}

/** The 5xx answers recorded so far for this run and target, and how many exchanges were counted. */
export function serverErrorsOf(key: string): { exchanges: number; sightings: ServerErrorSighting[] } {
  return { exchanges: counted.get(key) ?? 0, sightings: [...(sightings.get(key) ?? [])] };
}
