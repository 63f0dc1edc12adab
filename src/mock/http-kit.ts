import { createHash, timingSafeEqual } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// The mocks' defensive HTTP plumbing: everything a hostile or broken client can send is turned
// into an HttpProblem before it reaches a vendor's logic, so no input can crash a mock or
// change its store. Each vendor renders a problem in its own error shape.

export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_JSON_DEPTH = 32;

/** A request the mock refuses: rendered by the vendor's error shape, never thrown past a handler. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads the whole body, refusing (413) past MAX_BODY_BYTES without buffering the rest. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => readBodyThen(req, (error, body) => (error ? reject(error) : resolve(body!)), limit));
}

/**
 * readBody for a caller that goes on in a callback: a mock's write path has no other await, and
 * a promise and its microtask are a measurable share of a create (bench/ mock-throughput). The
 * callback runs once, with an HttpProblem or the body; a body of one chunk is not copied.
 */
export function readBodyThen(req: IncomingMessage, done: (error: HttpProblem | undefined, body?: Buffer) => void, limit = MAX_BODY_BYTES): void {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    done(new HttpProblem(413, 'body_too_large', `the request body is ${declared} bytes; the limit is ${limit}`));
    return;
  }
  // No named closure here: tsx (keepNames) renames every one it creates, on every call.
  let first: Buffer | undefined;
  let chunks: Buffer[] | undefined;
  let size = 0;
  let settled = false;
  req.on('data', (chunk: Buffer) => {
    if (settled) return;
    size += chunk.length;
    if (size > limit) {
      settled = true;
      req.removeAllListeners('data');
      req.resume();
      done(new HttpProblem(413, 'body_too_large', `the request body is over the limit of ${limit} bytes`));
      return;
    }
    if (first === undefined) first = chunk;
    else (chunks ??= [first]).push(chunk);
  });
  req.on('end', () => {
    if (settled) return;
    settled = true;
    done(undefined, chunks ? Buffer.concat(chunks) : (first ?? Buffer.alloc(0)));
  });
  req.on('error', (error) => {
    if (settled) return;
    settled = true;
    done(new HttpProblem(400, 'bad_request', `the request body could not be read: ${error.message}`));
  });
}

/** Below this many characters a body is parsed before its depth is known: the walk finds a deep one. */
const PARSE_FIRST_CHARS = 4096;

/**
 * Decodes a JSON request body strictly: the content type must be JSON, the bytes valid UTF-8,
 * the nesting shallow, numbers finite and no key may reach an object's prototype.
 */
export function parseJsonBody(body: Buffer, contentType: string | undefined): unknown {
  if (contentType !== 'application/json' && !isJsonMediaType(contentType)) {
    throw new HttpProblem(415, 'unsupported_media_type', `the content type must be application/json, not ${JSON.stringify(contentType ?? '(none)')}`);
  }
  // isUtf8 gives a fatal TextDecoder's verdict at a fraction of its cost; like that decoder,
  // a leading byte order mark is dropped.
  if (!isUtf8(body)) throw new HttpProblem(400, 'invalid_encoding', 'the request body is not valid UTF-8');
  let text = body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A deep body is refused before it is parsed: JSON.parse takes most of a second over a megabyte
  // of brackets. A short one cannot cost that, and the walk below finds its depth.
  if (text.length > PARSE_FIRST_CHARS) assertShallow(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (text.trim() === '') throw new HttpProblem(400, 'invalid_json', 'the request body is empty; a JSON object was expected');
    assertShallow(text);
    throw new HttpProblem(400, 'invalid_json', `the request body is not valid JSON: ${(error as Error).message}`);
  }
  const problem = problemIn(value, 0, []);
  if (problem) {
    // Depth is judged first, as for a long body scanned before parsing.
    assertShallow(text);
    if (problem !== 'too deep') throw problem;
  }
  return value;
}

function isJsonMediaType(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]*\+json$/.test(mediaType);
}

function assertShallow(text: string): void {
  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH) throw new HttpProblem(400, 'invalid_json', `the request body nests ${depth} levels deep; the limit is ${MAX_JSON_DEPTH}`);
}

/** Maximum bracket depth outside strings: a linear scan, so depth is known before parsing. */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The first problem of a parsed value, in document order: a number too large to represent, a
 * key that would reach a prototype, or `'too deep'` past MAX_JSON_DEPTH (worded from the text,
 * which knows the depth). `depth` counts the brackets around `value`, as jsonDepth does; `path`
 * holds the keys down to it, and a pointer is spelled out only for a problem.
 */
function problemIn(value: unknown, depth: number, path: string[]): HttpProblem | 'too deep' | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : new HttpProblem(400, 'invalid_json', `${pointerOf(path) || '(body)'}: the number is too large to represent`);
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= MAX_JSON_DEPTH) return 'too deep';
  const array = Array.isArray(value);
  for (const key in value) {
    path.push(key);
    const problem =
      !array && FORBIDDEN_KEYS.has(key)
        ? new HttpProblem(400, 'invalid_json', `${pointerOf(path)}: this key is not allowed`)
        : problemIn((value as Record<string, unknown>)[key], depth + 1, path);
    path.pop();
    if (problem) return problem;
  }
  return undefined;
}

/**
 * A normalised base path (`/some/prefix`, or '' for none) from what a user gives: with or without
 * its leading or trailing slash.
 */
export function normaliseBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `/${trimmed}`;
}

/**
 * The request target below the mock's base path (`/some/prefix/v1/x?y` -> `/v1/x?y`), or
 * undefined when the target is not under it. A gateway serves the API under a prefix like this;
 * signatures still cover the whole target as sent.
 */
export function belowBasePath(url: string | undefined, basePath: string): string | undefined {
  const target = url ?? '/';
  if (basePath === '') return target;
  if (!target.startsWith(basePath)) return undefined;
  const rest = target.slice(basePath.length);
  if (rest === '' || rest.startsWith('?')) return `/${rest}`;
  return rest.startsWith('/') ? rest : undefined;
}

function pointerOf(path: string[]): string {
  return path.map((key) => `/${key}`).join('');
}

export interface ParsedTarget {
  segments: string[];
  query: URLSearchParams;
}

/**
 * A request target of unreserved characters only, not starting with // (URL reads an authority
 * there), with no dot segment and a query of plain characters (no second ?, which
 * URLSearchParams would strip): WHATWG URL would change nothing in it, so it is split directly.
 * URL costs several microseconds a request, a large share of a mock's own work; every other
 * target still goes through it, so the answer is the same for every target
 * (parse-target.test.ts checks that).
 */
const PLAIN_TARGET = /^(?!\/\/)(\/[A-Za-z0-9._~-]*)*(\?[A-Za-z0-9._~\-=&+%*,;:@/!$()]*)?$/;

/** The query of a target without one: shared, as no handler changes a query it reads. */
const NO_QUERY: URLSearchParams = new URLSearchParams();

/** Splits the request target into decoded path segments; a malformed target is a 400, not a throw. */
export function parseTarget(url: string | undefined): ParsedTarget {
  const target = url ?? '/';
  if (PLAIN_TARGET.test(target)) {
    const question = target.indexOf('?');
    const path = question < 0 ? target : target.slice(0, question);
    const segments: string[] = [];
    let dotted = false;
    for (const segment of path.split('/')) {
      if (segment === '') continue;
      if (segment === '.' || segment === '..') dotted = true;
      segments.push(segment);
    }
    if (!dotted) return { segments, query: question < 0 ? NO_QUERY : new URLSearchParams(target.slice(question + 1)) };
  }
  let parsed: URL;
  try {
    parsed = new URL(target, 'http://mock.invalid');
  } catch {
    throw new HttpProblem(400, 'bad_request', 'the request target is not a valid path');
  }
  try {
    const segments = parsed.pathname.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
    return { segments, query: parsed.searchParams };
  } catch {
    throw new HttpProblem(400, 'bad_request', 'the request path has a malformed percent-encoding');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJsonPayload(res, status, Buffer.from(JSON.stringify(body)), headers);
}

/** Sends JSON that is serialised already. */
export function sendJsonPayload(res: ServerResponse, status: number, payload: Buffer, headers: Record<string, string> = {}): void {
  sendResponse(res, status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(payload.length), ...headers }, payload);
}

/**
 * Every answer of a mock goes out through here, at the end of the event-loop turn that produced
 * it (setImmediate runs after the turn's I/O callbacks). Most of a write's cost on loopback is
 * the kernel waking the reader, a client sleeping on the other core: written at once, each answer
 * wakes it while the mock still has requests of the same turn to read, and the two processes take
 * turns at every response. Written at the end of the turn, the answers to everything that arrived
 * together go out together, and the client wakes to a batch: under load a Trustly create costs
 * the mock about a fifth less CPU (bench/ mock-throughput; the README's Performance section has
 * the figures). A lone request waits for nothing but the rest of its own turn.
 */
export function sendResponse(res: ServerResponse, status: number, headers: Record<string, string>, body?: string | Buffer): void {
  setImmediate(writeResponse, res, status, headers, body);
}

function writeResponse(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer | undefined): void {
  // Two answers to one request are a mock's bug; the client gets a broken connection, not a
  // second response glued to the first, and the mock goes on serving.
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  try {
    res.writeHead(status, headers);
    res.end(body);
  } catch {
    // A header value node refuses (a fault's or variant's own text): the connection is closed
    // rather than the process brought down from a callback no handler can catch.
    res.destroy();
  }
}

/** Constant-time comparison of two secrets, whatever their lengths. */
export function safeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}

/**
 * Node's parser rejects garbage request lines and headers before any handler runs; answer those
 * with a 400 in the vendor's shape instead of dropping the connection without a word.
 */
export function answerClientErrors(server: Server, render: (problem: HttpProblem) => unknown): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
    const problem = new HttpProblem(400, 'bad_request', `the request could not be parsed (${error.code ?? 'parse error'})`);
    const body = Buffer.from(JSON.stringify(render(problem)));
    socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
  });
}

/**
 * How long an idle connection stays open. A client reuses it until shortly before the time the
 * server announces (undici: 2 s before); a client process that stalls past that margin (a loaded
 * machine) sends its next request as the server closes the socket, and a POST then fails with a
 * reset it must not retry. Node's 5 s leaves such windows every few seconds of a run; 30 s makes
 * them rare, and stays under the 60 s in which a request's headers must arrive.
 */
const KEEP_ALIVE_MS = 30_000;

/** Starts listening and resolves with the server's base URL; a failure to bind (port in use) rejects. */
export function listen(server: Server, port = 0, host = '127.0.0.1'): Promise<string> {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve(`http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`);
    });
  });
}
