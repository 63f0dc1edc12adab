import { request as undiciRequest, type Dispatcher } from 'undici';
import type { KeyCredentials, Signer } from '../auth/signer.ts';

/** One HTTP request and its response as recorded for a report (secrets redacted by the reporter's caller). */
export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string>; body: string; json?: unknown };
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
  timeoutMs?: number;
  dispatcher?: Dispatcher;
}

/** Sends one request, signs it when credentials are given, and returns the whole exchange. */
export async function exchange(options: ExchangeOptions): Promise<Exchange> {
  const url = new URL(options.path, options.baseUrl);
  const headers: Record<string, string> = { accept: 'application/json', ...lowerKeys(options.headers ?? {}) };
  let body: string | Buffer | undefined = options.rawBody;
  if (body === undefined && options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  if (options.signer && options.credentials) {
    Object.assign(headers, options.signer({ method: options.method, url, body: body ?? '', contentType: headers['content-type'] }, options.credentials));
  }
  const recorded: Exchange['request'] = {
    method: options.method,
    url: url.toString(),
    headers: { ...headers },
    ...(body === undefined ? {} : { body: Buffer.isBuffer(body) ? body.toString('utf8') : body }),
  };
  const started = performance.now();
  const timeout = options.timeoutMs ?? 10_000;
  try {
    const response = await undiciRequest(url, {
      method: options.method as Dispatcher.HttpMethod,
      headers,
      body,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      dispatcher: options.dispatcher,
    });
    const text = await response.body.text();
    const responseHeaders = flattenHeaders(response.headers);
    return {
      request: recorded,
      response: { status: response.statusCode, headers: responseHeaders, body: text, json: tryJson(text) },
      durationMs: performance.now() - started,
    };
  } catch (error) {
    return { request: recorded, error: describeError(error), durationMs: performance.now() - started };
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

function describeError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e.code ? `${e.code}: ${e.message ?? ''}`.trim() : String(e.message ?? error);
}
