import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { hawkSigner, type Signer } from '../../auth/index.ts';
import { mocksClosedAfterEach, type TestMock } from '../../testing/trustist-test-kit.ts';

const start = mocksClosedAfterEach();

const JSON_TYPE = { 'content-type': 'application/json' };

/** A mock holding one customer, and that customer's id. */
async function seeded(): Promise<{ mock: TestMock; id: string }> {
  const mock = await start();
  const id = (await mock.call('POST', '/v1/customers', { json: { firstName: 'Ann', orgId: 'o' } })).json.id;
  return { mock, id };
}

describe('hostile bodies on every writing operation', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const cases: [string, string | Buffer, Record<string, string>, number, string][] = [
    ['malformed JSON', '{"firstName": "Ann",}', JSON_TYPE, 400, 'invalid_json'],
    ['an empty body', '', JSON_TYPE, 400, 'invalid_json'],
    ['a text/plain content type', '{}', { 'content-type': 'text/plain' }, 415, 'unsupported_media_type'],
    ['a form content type', 'firstName=Ann', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type'],
    ['no content type', '{}', {}, 415, 'unsupported_media_type'],
    ['an empty content type', '{}', { 'content-type': '' }, 415, 'unsupported_media_type'],
    ['a body over 1 MiB', JSON.stringify({ firstName: 'x'.repeat(1024 * 1024) }), JSON_TYPE, 413, 'body_too_large'],
    ['nesting 10,000 deep', `{"address":${nested(10_000)}}`, JSON_TYPE, 400, 'invalid_json'],
    ['a __proto__ key', '{"__proto__": {"isAdmin": true}, "firstName": "Ann"}', JSON_TYPE, 400, 'invalid_json'],
    ['a nested constructor key', '{"address": {"constructor": {"prototype": {}}}}', JSON_TYPE, 400, 'invalid_json'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x66, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), JSON_TYPE, 400, 'invalid_encoding'],
    ['binary garbage', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80]), JSON_TYPE, 400, 'invalid_encoding'],
    ['a huge number', '{"firstName": 1e400}', JSON_TYPE, 400, 'invalid_json'],
    ['a 10,000-digit number', `{"orgId": ${'9'.repeat(10_000)}}`, JSON_TYPE, 400, 'invalid_json'],
  ];

  it.each(cases)('refuses %s with a clear 4xx in the error shape, changing nothing', async (_what, body, headers, status, code) => {
    const { mock, id } = await seeded();
    const before = mock.snapshot();
    for (const [method, path] of [
      ['POST', '/v1/customers'],
      ['PUT', `/v1/customers/${id}`],
      ['POST', '/v1/onboard/sessions'],
    ] as const) {
      // The suite's Hawk signer assumes application/json when no type is sent; sign what is sent.
      const signer: Signer = (request, credentials) => hawkSigner({ ...request, contentType: headers['content-type'] ?? '' }, credentials);
      const answer = await mock.call(method, path, { rawBody: body, headers, signer });
      expect(answer.status, `${method} ${path}: ${answer.body}`).toBe(status);
      expect(answer.json.error).toBe(code);
    }
    expect(mock.snapshot()).toEqual(before);
  });

  it('accepts JSON content types with parameters and +json suffixes', async () => {
    const { mock } = await seeded();
    for (const type of ['application/json; charset=utf-8', 'APPLICATION/JSON', 'application/merge-patch+json']) {
      expect((await mock.call('POST', '/v1/customers', { rawBody: '{}', headers: { 'content-type': type } })).status, type).toBe(201);
    }
  });

  it('ignores the body of a GET (it is signed, never parsed)', async () => {
    const { mock, id } = await seeded();
    expect((await mock.call('GET', `/v1/customers/${id}`, { rawBody: '{ not json', headers: JSON_TYPE })).status).toBe(200);
  });
});

describe('odd paths, methods and queries', () => {
  it.each([
    ['GET', '/', 404],
    ['GET', '/v1', 404],
    ['GET', '/v2/customers', 404],
    ['GET', '/V1/CUSTOMERS', 404],
    ['GET', '/v1/customers/a/b', 404],
    ['GET', '/v1/customers/%E0%A4%A', 404],
    ['GET', '/v1/customers/%', 404],
    ['GET', '/v1/onboard', 404],
    ['GET', '/v1/onboard/sessions', 405],
    ['DELETE', '/v1/customers/3kTp9j2mN5xR', 405],
    ['PATCH', '/v1/customers/3kTp9j2mN5xR', 405],
    ['POST', '/v1/customers/3kTp9j2mN5xR', 405],
    ['PUT', '/v1/customers', 405],
    ['OPTIONS', '/v1/customers', 405],
    ['DELETE', '/v1/customers', 405],
  ])('answers %s %s with %i in the error shape', async (method, path, status) => {
    const { mock } = await seeded();
    const before = mock.snapshot();
    const answer = await mock.call(method, path, { json: method === 'GET' ? undefined : { firstName: 'X' } });
    expect(answer.status).toBe(status);
    if (status === 405) expect(answer.headers.allow).toBeTruthy();
    expect(mock.snapshot()).toEqual(before);
  });

  it('treats a trailing slash and percent-encoded letters like the plain path, and ignores unknown query parameters', async () => {
    const { mock, id } = await seeded();
    expect((await mock.call('GET', '/v1/customers/?orgId=o&limit=1&$top=2')).json).toHaveLength(1);
    expect((await mock.call('GET', `/v1/customers/${encodeURIComponent(id).replace(/^./, (c) => `%${c.charCodeAt(0).toString(16)}`)}`)).status).toBe(200);
    expect((await mock.call('GET', '/v1/customers?orgId=%ZZ&orgId=o')).json).toEqual([]);
  });
});

describe('the connection level', () => {
  /** Writes raw bytes and returns whatever the server sends back before closing. */
  function raw(mock: TestMock, bytes: string): Promise<string> {
    const { port, hostname } = new URL(mock.url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.end(bytes));
      let text = '';
      socket.on('data', (d) => (text += d.toString('latin1')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
  }

  it.each([
    ['a garbage request line', 'HELLO THERE\r\n\r\n'],
    ['a header with a control character', 'GET /v1/customers HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n'],
    ['a header without a colon', 'GET /v1/customers HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n'],
    ['headers over the size limit', `GET /v1/customers HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`],
    ['a conflicting Content-Length', 'POST /v1/customers HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}'],
  ])('answers %s with a 400 in the error shape, and keeps serving', async (_what, bytes) => {
    const { mock } = await seeded();
    const response = await raw(mock, bytes);
    expect(response).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));
    expect(body).toMatchObject({ error: 'bad_request', message: expect.any(String) });
    expect((await mock.call('GET', '/v1/customers')).status).toBe(200);
  });

  it('turns an unexpected exception into a 500 in the error shape, and keeps serving', async () => {
    // A clock that returns NaN makes the timestamp code throw: the only way to reach the guard.
    let broken = false;
    const mock = await start({ clock: () => (broken ? Number.NaN : Date.now()) }, { checkSpec: false });
    broken = true;
    const stderr = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      const answer = await mock.call('POST', '/v1/customers', { json: {} });
      expect(answer.status).toBe(500);
      expect(answer.json).toMatchObject({ error: 'internal_error', message: expect.any(String) });
    } finally {
      process.stderr.write = stderr;
    }
    broken = false;
    expect((await mock.call('GET', '/v1/customers')).status).toBe(200);
  });
});
