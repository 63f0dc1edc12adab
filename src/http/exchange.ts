import type { Dispatcher } from 'undici';
import { undiciRequest } from './undici-request.ts';
import type { KeyCredentials, Signer } from '../auth/signer.ts';
import { describeError, errorCode, isConnectionError } from './describe-error.ts';
import { MAX_BODY_BYTES, readBody } from './read-body.ts';
import { retryDelayMs } from './retry-delay.ts';
import { DEADLINE_REACHED, HttpSession } from './http-session.ts';
import { waitForSlot } from './wait-for-slot.ts';
import { isWrite, releaseWrite, reserveWrite } from './write-budget.ts';
import { setTimeout as sleep } from 'node:timers/promises';

/** One HTTP request and its response as recorded for a report (secrets redacted by the reporter's caller). */
export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  /** With `error` set too, this is what arrived before the exchange failed (a partial body). */
  response?: { status: number; headers: Record<string, string>; body: string; json?: unknown };
  /** Set whenever the exchange did not complete normally: not sent, no answer, or a cut-off answer. */
  error?: string;
  durationMs: number;
}

export interface ExchangeOptions {
  baseUrl: string;
  method: string;
  /** Path and query, e.g. `/v1/customers?orgId=x`. */
  path: string;
  /** A value to send as JSON. */
  json?: unknown;
  /** Raw body text or bytes, sent as they are (for malformed-input tests); wins over `json`. */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  signer?: Signer;
  credentials?: KeyCredentials;
  /** The whole of one try, connection, headers and body together (default 10 000 ms). */
  timeoutMs?: number;
  dispatcher?: Dispatcher;
  /**
   * The run's session, whose limits (rate cap, write budget, deadline, retries) and stop this
   * request obeys; absent: a session of its own with no limits (a one-off request of a tool or test).
   */
  session?: HttpSession;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Of a body over the cap, what the record keeps. */
const KEPT_OF_OVERSIZED_BODY = 64 * 1024;
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

type Attempt = Pick<Exchange, 'response' | 'error'> & { retry?: 'status' | 'connection' };

/**
 * Sends one request, signs it when credentials are given, and returns the whole exchange. It
 * never throws: every failure (budget, deadline, connection, timeout, cut-off or oversized body)
 * ends as `error` on the record, and every try is bounded by `timeoutMs` and the run deadline.
 * The session's limits apply: rate cap, write budget, deadline, and retries after 429/503
 * honouring Retry-After.
 */
export async function exchange(options: ExchangeOptions): Promise<Exchange> {
  const started = performance.now();
  const session = options.session ?? new HttpSession();
  const method = options.method.toUpperCase();
  const url = new URL(options.path, options.baseUrl);
  const headers: Record<string, string> = { accept: 'application/json', ...lowerKeys(options.headers ?? {}) };
  let body: string | Buffer | undefined = options.rawBody;
  if (body === undefined && options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  // Signed afresh for every try: a retry must not replay a nonce or a stale timestamp.
  const sign = (): Record<string, string> =>
    options.signer && options.credentials
      ? { ...headers, ...options.signer({ method: options.method, url, body: body ?? '', contentType: headers['content-type'] }, options.credentials) }
      : { ...headers };
  let sent = { ...headers };
  const record = (): Exchange['request'] => ({
    method: options.method,
    url: url.toString(),
    headers: { ...sent },
    ...(body === undefined ? {} : { body: Buffer.isBuffer(body) ? body.toString('utf8') : body }),
  });
  const done = (outcome: Pick<Exchange, 'response' | 'error'>): Exchange => ({
    request: record(),
    ...(outcome.response ? { response: outcome.response } : {}),
    ...(outcome.error === undefined ? {} : { error: outcome.error }),
    durationMs: performance.now() - started,
  });

  try {
    sent = sign();
    const write = isWrite(method);
    if (write) {
      const refused = reserveWrite(session);
      if (refused) return done({ error: refused });
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const { maxRetries, backoffBaseMs, maxRetryDelayMs } = session.limits;
    let last: Attempt | undefined;
    for (let tries = 0; ; tries++) {
      const refused = await waitForSlot(session);
      if (refused) {
        if (write && tries === 0) releaseWrite(session);
        return done(last ? { ...last, error: `${refused} before retrying ${what(last)}` } : { error: refused });
      }
      if (tries > 0) sent = sign();
      const tryStarted = performance.now();
      last = await sendOnce(session, url, method, sent, body, timeoutMs, options.dispatcher);
      if (last.response) session.noteLatency(performance.now() - tryStarted);
      const retryable = last.retry === 'status' || (last.retry === 'connection' && IDEMPOTENT.has(method));
      if (!retryable || tries >= maxRetries) {
        const note = tries > 0 && last.error !== undefined ? ` (${tries + 1} tries)` : '';
        return done({ ...last, ...(last.error === undefined ? {} : { error: last.error + note }) });
      }
      const delay = retryDelayMs({ retry: tries, retryAfter: last.response?.headers['retry-after'], baseMs: backoffBaseMs, capMs: maxRetryDelayMs });
      const left = session.msToDeadline();
      if (left !== undefined && delay >= left) return done({ ...last, error: `${DEADLINE_REACHED} before retrying ${what(last)}` });
      await sleep(delay);
    }
  } catch (error) {
    // Nothing above should throw (a signer might); the caller still gets a record, never a rejection.
    return done({ error: describeError(error) });
  }
}

function what(attempt: Attempt): string {
  return attempt.response ? `a ${attempt.response.status}` : `after ${attempt.error}`;
}

/**
 * One try. A timer covers the whole of it, headers and body alike, so a server dripping a byte
 * a second is cut off at `timeoutMs` like one that never answers; the run deadline cuts it
 * shorter when it comes first.
 */
async function sendOnce(session: HttpSession, url: URL, method: string, headers: Record<string, string>, body: string | Buffer | undefined, timeoutMs: number, dispatcher: Dispatcher | undefined): Promise<Attempt> {
  const left = session.msToDeadline();
  if (left !== undefined && left <= 0) return { error: DEADLINE_REACHED };
  const byDeadline = left !== undefined && left < timeoutMs;
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(
    () => {
      expired = true;
      controller.abort(new Error(byDeadline ? DEADLINE_REACHED : `timeout of ${timeoutMs} ms`));
    },
    byDeadline ? left : timeoutMs,
  );
  const timedOut = (error: unknown): boolean => expired || /^UND_ERR_(HEADERS|BODY)_TIMEOUT$/.test(errorCode(error) ?? '');
  const noHeaders = byDeadline ? `${DEADLINE_REACHED} with no response yet` : `timeout: no response within ${timeoutMs} ms (--timeout)`;
  const noBody = (received: number) =>
    byDeadline
      ? `${DEADLINE_REACHED} with the response body incomplete (${received} bytes received)`
      : `timeout: response body incomplete after ${timeoutMs} ms (--timeout), ${received} bytes received`;
  try {
    let response: Dispatcher.ResponseData;
    try {
      response = await undiciRequest(url, {
        method: method as Dispatcher.HttpMethod,
        headers,
        body,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: controller.signal,
        dispatcher,
      });
    } catch (error) {
      if (timedOut(error)) return { error: noHeaders };
      return { error: describeError(error), ...(isConnectionError(error) ? { retry: 'connection' as const } : {}) };
    }
    const read = await readBody(response.body, MAX_BODY_BYTES);
    const overCap = read.overCap;
    const bytes = overCap ? read.bytes.subarray(0, KEPT_OF_OVERSIZED_BODY) : read.bytes;
    const text = bytes.toString('utf8');
    const partial = {
      status: response.statusCode,
      headers: flattenHeaders(response.headers),
      body: text,
      ...(overCap || read.error !== undefined ? {} : { json: tryJson(text) }),
    };
    if (overCap) return { response: partial, error: `response body over ${MAX_BODY_BYTES / 1024 / 1024} MiB` };
    if (read.error !== undefined) {
      if (timedOut(read.error)) return { response: partial, error: noBody(read.received) };
      return { response: partial, error: `response body cut off after ${read.received} bytes: ${describeError(read.error)}` };
    }
    return { response: partial, ...(response.statusCode === 429 || response.statusCode === 503 ? { retry: 'status' as const } : {}) };
  } finally {
    clearTimeout(timer);
  }
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

function tryJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
