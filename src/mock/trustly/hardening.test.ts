import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVendorSpec } from '../../openapi/index.ts';
import type { RunningMock } from '../mock-types.ts';
import { startTrustlyMock } from './start-trustly-mock.ts';
import { credentialsOf, customerBody, send, trustlyApi } from '../../testing/trustly-test-kit.ts';

// Hostile and broken input: every case gets a 4xx in the Trustly error shape, valid against
// the spec for the operation it reached, and the store stays exactly as it was.

let mock: RunningMock;
let existing: string;
beforeAll(async () => {
  mock = await startTrustlyMock({ env: {} });
  existing = (await trustlyApi(mock).create(customerBody())).json.customer.customerId;
});
afterAll(() => mock.close());

const JSON_TYPE = { 'content-type': 'application/json' };
const deep = (levels: number) => `{"name":"n","address":{"country":"US"},"phone":"p","email":"e","customData":${'['.repeat(levels)}${']'.repeat(levels)}}`;
const valid = JSON.stringify(customerBody());

describe('Trustly mock: malformed bodies on both writes', () => {
  const cases: [string, Record<string, string>, string | Buffer][] = [
    ['a text/plain content type', { 'content-type': 'text/plain' }, valid],
    ['no content type', {}, valid],
    ['a form content type', { 'content-type': 'application/x-www-form-urlencoded' }, 'name=x'],
    ['malformed JSON', JSON_TYPE, '{"name": '],
    ['an empty body', JSON_TYPE, ''],
    ['JSON with a trailing comma', JSON_TYPE, '{"name":"n",}'],
    ['invalid UTF-8', JSON_TYPE, Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')])],
    ['nesting deeper than 32 levels', JSON_TYPE, deep(40)],
    ['a __proto__ key', JSON_TYPE, valid.replace('{', '{"__proto__":{"polluted":true},')],
    ['a nested constructor key', JSON_TYPE, valid.replace('{', '{"customData":{"constructor":{"prototype":{}}},')],
    ['a number too large for a double', JSON_TYPE, valid.replace('{', '{"enrollDate":1e400,')],
    ['a body over 1 MiB', JSON_TYPE, valid.replace('{', `{"customData":{"pad":"${'x'.repeat(1024 * 1024)}"},`)],
    ['binary garbage', JSON_TYPE, Buffer.from([0, 1, 2, 255, 254, 0x7b])],
    ['a JSON null', JSON_TYPE, 'null'],
  ];
  it.each(cases.flatMap(([label, headers, body]) => [
    { label, headers, body, operationId: 'createOrUpdateCustomer', path: '/api/v1/customers' },
    { label, headers, body, operationId: 'updateCustomer', path: '' },
  ]))('$operationId refuses $label with 400 and changes nothing', async ({ headers, body, operationId, path }) => {
    const before = mock.snapshot();
    const sent = await send(mock, { method: 'POST', path: path || `/api/v1/customers/${existing}`, headers, rawBody: body, operationId });
    expect(sent.status).toBe(400);
    expect(sent.validation.violations).toEqual([]);
    expect(mock.snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts application/json with parameters and +json media types', async () => {
    for (const type of ['application/json; charset=utf-8', 'application/merge-patch+json', 'Application/JSON']) {
      const sent = await send(mock, { method: 'POST', path: '/api/v1/customers', headers: { 'content-type': type }, rawBody: JSON.stringify(customerBody()), operationId: 'createOrUpdateCustomer' });
      expect(sent.status, type).toBe(200);
    }
  });

  it('refuses a chunked body that grows past 1 MiB with 400, without storing it', async () => {
    const before = mock.snapshot();
    const { id, secret } = credentialsOf(mock, 'A');
    const chunks = ['{"name":"n","address":{"country":"US"},"phone":"p","email":"e","customData":"', ...Array(40).fill('y'.repeat(64 * 1024)), '"}'];
    const response = await request(`${mock.url}/api/v1/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` },
      body: Readable.from(chunks),
    });
    const json = await response.body.json();
    const { validators } = await loadVendorSpec('trustly');
    expect(response.statusCode).toBe(400);
    expect(validators.validateResponse('createOrUpdateCustomer', 400, String(response.headers['content-type']), json, { strict: true }).violations).toEqual([]);
    expect(mock.snapshot()).toEqual(before);
  });
});

describe('Trustly mock: paths and methods', () => {
  it.each(['/', '/api', '/api/v1', '/api/v2/customers', '/api/v1/customer', `/api/v1/customers/1/extra`, '/API/V1/CUSTOMERS', '/api/v1/customers/%zz/x'])(
    '%s is 404 in the error shape',
    async (path) => {
      const sent = await send(mock, { method: 'GET', path });
      expect(sent.status).toBe(404);
      expect(sent.json).toEqual({ errors: [expect.objectContaining({ domain: expect.any(String), code: 200, message: expect.any(String) })] });
    },
  );

  it.each(['PUT', 'PATCH', 'DELETE', 'OPTIONS'])('%s is 405 with Allow: GET, POST and no store change', async (method) => {
    const before = mock.snapshot();
    const sent = await send(mock, { method, path: `/api/v1/customers/${existing}`, json: customerBody() });
    expect(sent.status).toBe(405);
    expect(sent.headers.allow).toBe('GET, POST');
    expect(sent.json.errors[0].code).toBe(200);
    expect(mock.snapshot()).toEqual(before);
  });

  it('tolerates double and trailing slashes and percent-encoded names of the paths', async () => {
    expect((await send(mock, { method: 'GET', path: `/api//v1//customers/${existing}/` })).status).toBe(200);
    expect((await send(mock, { method: 'GET', path: `/api/v1/%63ustomers/${existing}` })).status).toBe(200);
  });

  it('ignores a body sent with a GET', async () => {
    const sent = await send(mock, { method: 'GET', path: `/api/v1/customers/${existing}`, headers: JSON_TYPE, rawBody: '{"not":"read"' });
    expect(sent.status).toBe(200);
  });
});

describe('Trustly mock: garbage on the wire', () => {
  function raw(text: string): Promise<string> {
    const { port } = new URL(mock.url);
    return new Promise((resolve, reject) => {
      const { id, secret } = credentialsOf(mock, 'A');
      const authorized = text.replace('Host: x\r\n', `Host: x\r\nAuthorization: Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}\r\n`);
      const socket = connect(Number(port), '127.0.0.1', () => socket.end(authorized));
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString('latin1')));
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
  }

  it.each([
    ['a garbage request line', 'HELLO THERE\r\n\r\n'],
    ['a header with a bad character', 'GET /api/v1/customers HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n'],
    ['a header line without a colon', 'GET /api/v1/customers HTTP/1.1\r\nHost: x\r\nnocolon\r\n\r\n'],
    ['a header over the size limit', `GET /api/v1/customers HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
    ['conflicting length and chunking', 'POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc'],
    ['a bad chunk size', 'POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n'],
  ])('answers %s with 400 in the error shape', async (_label, text) => {
    const before = mock.snapshot();
    const response = await raw(text);
    expect(response).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));
    expect(body).toEqual({ errors: [expect.objectContaining({ code: 200, message: expect.any(String) })] });
    expect(mock.snapshot()).toEqual(before);
    expect((await trustlyApi(mock).get(existing)).status).toBe(200);
  });
});

describe('Trustly mock: unexpected failures', () => {
  it('turns an exception inside a handler into a 500 in the documented shape, storing nothing', async () => {
    const broken = await startTrustlyMock({
      env: {},
      clock: () => {
        throw new Error('clock failure with internal detail');
      },
    });
    try {
      const sent = await send(broken, { method: 'POST', path: '/api/v1/customers', json: customerBody(), operationId: 'createOrUpdateCustomer' });
      expect(sent.status).toBe(500);
      expect(sent.validation.violations).toEqual([]);
      expect(sent.json.errors[0].code).toBe(100);
      expect(sent.text).not.toContain('internal detail');
      expect(broken.snapshot()).toEqual({ customers: [] });
      expect((await trustlyApi(broken).list()).status).toBe(200);
    } finally {
      await broken.close();
    }
  });
});
