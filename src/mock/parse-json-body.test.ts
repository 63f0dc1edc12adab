import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpProblem, MAX_JSON_DEPTH, parseJsonBody, readBodyThen } from './http-kit.ts';

// parseJsonBody parses a short body before it knows its depth, and checks UTF-8 with isUtf8: the
// answers must be those of the straightforward way (decode strictly, scan the depth, parse,
// walk), kept here as the oracle.

function oracle(body: Buffer, contentType: string | undefined): unknown {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json' && !/^application\/[a-z0-9.+-]*\+json$/.test(mediaType)) {
    throw new HttpProblem(415, 'unsupported_media_type', `the content type must be application/json, not ${JSON.stringify(contentType ?? '(none)')}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    throw new HttpProblem(400, 'invalid_encoding', 'the request body is not valid UTF-8');
  }
  if (text.trim() === '') throw new HttpProblem(400, 'invalid_json', 'the request body is empty; a JSON object was expected');
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') max = Math.max(max, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  if (max > MAX_JSON_DEPTH) throw new HttpProblem(400, 'invalid_json', `the request body nests ${max} levels deep; the limit is ${MAX_JSON_DEPTH}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HttpProblem(400, 'invalid_json', `the request body is not valid JSON: ${(error as Error).message}`);
  }
  const walk = (node: unknown, path: string[]): void => {
    const pointer = path.map((key) => `/${key}`).join('');
    if (typeof node === 'number' && !Number.isFinite(node)) throw new HttpProblem(400, 'invalid_json', `${pointer || '(body)'}: the number is too large to represent`);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      if (!Array.isArray(node) && ['__proto__', 'constructor', 'prototype'].includes(key)) {
        throw new HttpProblem(400, 'invalid_json', `${pointer}/${key}: this key is not allowed`);
      }
      walk(child, [...path, key]);
    }
  };
  walk(value, []);
  return value;
}

function outcome(parse: () => unknown): unknown {
  try {
    return { value: parse() };
  } catch (error) {
    return error instanceof HttpProblem ? { status: error.status, code: error.code, message: error.message } : { thrown: String(error) };
  }
}

const nested = (depth: number, inner = '') => '['.repeat(depth) + inner + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

/** JSON texts near every edge: depth, keys, numbers, encodings, byte order marks, whitespace. */
const bodies: fc.Arbitrary<Buffer> = fc.oneof(
  fc.json({ maxDepth: 4 }).map((text) => Buffer.from(text)),
  fc.integer({ min: 30, max: 36 }).map((depth) => Buffer.from(nested(depth, '1'))),
  fc.integer({ min: 30, max: 36 }).map((depth) => Buffer.from(deepObject(depth))),
  fc.integer({ min: 30, max: 36 }).map((depth) => Buffer.from(`{"pad":"${'x'.repeat(4100)}","a":${nested(depth)}}`)),
  fc.integer({ min: 30, max: 40 }).map((depth) => Buffer.from('['.repeat(depth))),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '__pro\\u0074o__').chain((key) => fc.json({ maxDepth: 1 }).map((value) => Buffer.from(`{"a":{"${key}":${value}}}`))),
  fc.constantFrom('1e400', '-1e999', '9'.repeat(400), '0.5', '-0').map((n) => Buffer.from(`{"a":[1,{"b":${n}}]}`)),
  fc.constantFrom('', '   ', '\n\t', '\uFEFF', '\uFEFF{}', '\uFEFF\uFEFF{}', ' \uFEFF{}').map((text) => Buffer.from(text)),
  fc.uint8Array({ maxLength: 24 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom([0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x22, 0xe2, 0x82, 0x22]).map((bytes) => Buffer.from([0x5b, ...bytes, 0x5d])),
);

describe('parseJsonBody', () => {
  it('answers every body as the straightforward decoder does', () => {
    fc.assert(
      fc.property(bodies, fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/merge-patch+json', 'text/plain', undefined), (body, type) => {
        expect(outcome(() => parseJsonBody(body, type))).toEqual(outcome(() => oracle(body, type)));
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses a short body one level too deep with its depth, and takes one at the limit', () => {
    expect(parseJsonBody(Buffer.from(nested(MAX_JSON_DEPTH)), 'application/json')).toBeDefined();
    expect(() => parseJsonBody(Buffer.from(nested(MAX_JSON_DEPTH + 1)), 'application/json')).toThrow(`nests ${MAX_JSON_DEPTH + 1} levels deep`);
    expect(() => parseJsonBody(Buffer.from(deepObject(MAX_JSON_DEPTH + 1)), 'application/json')).toThrow(`nests ${MAX_JSON_DEPTH + 1} levels deep`);
  });
});

function request(chunks: Buffer[], headers: Record<string, string> = {}): IncomingMessage {
  const stream = new PassThrough();
  Object.assign(stream, { headers });
  queueMicrotask(() => {
    for (const chunk of chunks) stream.write(chunk);
    stream.end();
  });
  return stream as unknown as IncomingMessage;
}

function read(req: IncomingMessage, limit?: number): Promise<{ calls: number; error?: HttpProblem; body?: Buffer }> {
  return new Promise((resolve) => {
    let calls = 0;
    let last: { error?: HttpProblem; body?: Buffer } = {};
    readBodyThen(
      req,
      (error, body) => {
        calls++;
        last = error ? { error } : { body: body! };
        // Wait for the stream to finish, so a second call would be seen.
        setTimeout(() => resolve({ calls, ...last }), 20);
      },
      limit,
    );
  });
}

describe('readBodyThen', () => {
  it('gives the body of one chunk or several, once', async () => {
    expect(await read(request([Buffer.from('{"a":1}')]))).toEqual({ calls: 1, body: Buffer.from('{"a":1}') });
    expect(await read(request([Buffer.from('{"a"'), Buffer.from(':'), Buffer.from('1}')]))).toEqual({ calls: 1, body: Buffer.from('{"a":1}') });
    expect(await read(request([]))).toEqual({ calls: 1, body: Buffer.alloc(0) });
  });

  it('refuses a body over the limit once, whether declared or sent', async () => {
    const declared = await read(request([Buffer.from('x')], { 'content-length': '11' }), 10);
    expect([declared.calls, declared.error?.status]).toEqual([1, 413]);
    const sent = await read(request([Buffer.alloc(6), Buffer.alloc(6), Buffer.alloc(6)]), 10);
    expect([sent.calls, sent.error?.status]).toEqual([1, 413]);
  });
});
