import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import Hawk from '@hapi/hawk';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange } from '../http/exchange.ts';
import { listenTestServer, type TestServer } from '../testing/listen-test-server.ts';
import { hawkResource, hawkSigner } from './hawk-signer.ts';

// Interop: the signer against a Hawk verifier written here from the Hawk specification, not
// @hapi/hawk (which the signer itself uses, so agreeing with it would prove little). A real
// local server verifies every request against the request-target and the bytes it received,
// so the test covers what undici puts on the wire, not what the signer believes it sent.

const credentials = { id: 'dh37fgj492je', secret: 'werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn' };

/** The Hawk header's attributes: `Hawk id="…", ts="…", …` (values hold no quote or backslash). */
function parseHawkHeader(header: string | undefined): Record<string, string> | undefined {
  const match = /^Hawk\s+(.*)$/s.exec(header ?? '');
  if (!match) return undefined;
  const attributes: Record<string, string> = {};
  const rest = match[1]!.replace(/(\w+)="([^"\\]*)"\s*(?:,\s*|$)/g, (_, name: string, value: string) => {
    attributes[name] = value;
    return '';
  });
  return rest.trim() === '' ? attributes : undefined;
}

/** Payload hash: SHA-256 of `hawk.1.payload\n<content type, no parameters, lower case>\n<payload>\n`, base64. */
function payloadHash(body: Buffer, contentType: string | undefined): string {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return createHash('sha256').update(`hawk.1.payload\n${type}\n`).update(body).update('\n').digest('base64');
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * A strict Hawk server's verdict on one request: the MAC over the normalized string (with the
 * request-target exactly as received, and host and port from the Host header), and a payload
 * hash that is required on every request that may carry a body and must match the bytes received.
 */
function verify(req: IncomingMessage, body: Buffer): string | undefined {
  const attributes = parseHawkHeader(req.headers.authorization);
  if (!attributes) return 'no Hawk header';
  const { id, ts, nonce, mac, hash = '', ext = '' } = attributes;
  if (id !== credentials.id || !ts || !nonce || !mac) return 'incomplete header';
  const hostMatch = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(req.headers.host ?? '');
  if (!hostMatch) return 'bad Host header';
  const normalized = ['hawk.1.header', ts, nonce, req.method!.toUpperCase(), req.url!, hostMatch[1]!.toLowerCase(), hostMatch[2] ?? '80', hash, ext.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')].join('\n') + '\n';
  const expected = createHmac('sha256', credentials.secret).update(normalized).digest();
  const given = Buffer.from(mac, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return `bad mac for ${req.method} ${req.url}`;
  if (hash === '' && (body.length > 0 || BODY_METHODS.has(req.method!))) return 'missing payload hash';
  if (hash !== '' && hash !== payloadHash(body, req.headers['content-type'])) return 'bad payload hash';
  return undefined;
}

let server: TestServer;
const received: string[] = [];

beforeAll(async () => {
  server = await listenTestServer(
    createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push(req.url!);
        const refused = verify(req, Buffer.concat(chunks));
        res.writeHead(refused ? 401 : 200, { 'content-type': 'text/plain' }).end(refused ?? 'ok');
      });
    }),
  );
});
afterAll(() => server.close());

async function send(method: string, path: string, extra: { json?: unknown; rawBody?: string | Buffer; headers?: Record<string, string> } = {}) {
  const answer = await exchange({ baseUrl: server.url, method, path, signer: hawkSigner, credentials, ...extra });
  return { status: answer.response?.status, why: answer.response?.body, error: answer.error, target: received.at(-1) };
}

/** Every printable ASCII character, in path, query name and query value (undici sends what the URL serializes). */
const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

describe('Hawk signer interop with an independent verifier', () => {
  it.each(ASCII.map((c) => [JSON.stringify(c), c]))('agrees on a path and query holding %s', async (_, c) => {
    const path = `/v1/customers/a${c}b?orgId=x${c}y&k${c}=1`;
    const answer = await send('GET', path);
    expect(answer, `sent as ${answer.target}`).toMatchObject({ status: 200 });
  });

  it('agrees on the characters a string URL re-escapes, which the wire carries raw', async () => {
    for (const c of ['|', '^', '{', '}', '`', '\\']) {
      const answer = await send('GET', `/v1/customers/${c}?q=${c}`);
      expect(answer, `sent as ${answer.target}`).toMatchObject({ status: 200 });
    }
    // The old way (the URL as a string, re-parsed by url.parse) signs another path: the verifier tells them apart.
    const url = new URL('/v1/customers/a|b', server.url);
    const { header } = Hawk.client.header(url.toString(), 'GET', { credentials: { id: credentials.id, key: credentials.secret, algorithm: 'sha256' } });
    const old = await exchange({ baseUrl: server.url, method: 'GET', path: '/v1/customers/a|b', headers: { authorization: header } });
    expect(received.at(-1)).toBe('/v1/customers/a|b');
    expect(old.response?.status).toBe(401);
  });

  it.each([
    ['percent-encodings', '/v1/customers/%2F%3F%23%25%20%zz?q=%26%3D%2B%00&%41=%e2%82%AC'],
    ['non-ASCII', '/v1/customers/Zoë/日本/😀?orgId=Zoë&名=値'],
    ['an empty query', '/v1/customers?'],
    ['a trailing slash and dot segments', '/v1/./customers/../customers/'],
    ['repeated query names', '/v1/customers?a=1&a=2&a'],
  ])('agrees on %s', async (_, path) => {
    const answer = await send('GET', path);
    expect(answer, `sent as ${answer.target}`).toMatchObject({ status: 200 });
  });

  it('agrees on any string in path and query', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), async (segment, value) => {
        const path = `/v1/customers/${segment}?orgId=${value}`;
        const answer = await send('GET', path);
        expect(answer, `sent as ${answer.target}`).toMatchObject({ status: 200 });
      }),
      { numRuns: 60 },
    );
  });

  it('covers every body with a payload hash, the empty one included', async () => {
    expect(await send('POST', '/v1/customers', { json: { firstName: 'Zoë', note: 'a|b' } })).toMatchObject({ status: 200 });
    expect(await send('POST', '/v1/customers', {})).toMatchObject({ status: 200 });
    expect(await send('PUT', '/v1/customers/x', { rawBody: '', headers: { 'content-type': 'application/json; charset=UTF-8' } })).toMatchObject({ status: 200 });
    expect(await send('POST', '/v1/customers', { rawBody: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), headers: { 'content-type': 'application/json' } })).toMatchObject({ status: 200 });
  });

  it('is a verifier that refuses what it should (a moved path, an altered body, a missing hash)', async () => {
    const url = new URL('/v1/customers/a', server.url);
    const signed = hawkSigner({ method: 'PUT', url, body: '{"a":1}', contentType: 'application/json' }, credentials);
    const moved = await exchange({ baseUrl: server.url, method: 'PUT', path: '/v1/customers/b', rawBody: '{"a":1}', headers: { ...signed, 'content-type': 'application/json' } });
    expect(moved.response).toMatchObject({ status: 401, body: expect.stringMatching(/bad mac/) });
    const altered = await exchange({ baseUrl: server.url, method: 'PUT', path: '/v1/customers/a', rawBody: '{"a":2}', headers: { ...signed, 'content-type': 'application/json' } });
    expect(altered.response).toMatchObject({ status: 401, body: 'bad payload hash' });
    const { header } = Hawk.client.header(hawkResource(url) as never, 'POST', { credentials: { id: credentials.id, key: credentials.secret, algorithm: 'sha256' } });
    const unhashed = await exchange({ baseUrl: server.url, method: 'POST', path: '/v1/customers/a', headers: { authorization: header } });
    expect(unhashed.response).toMatchObject({ status: 401, body: 'missing payload hash' });
  });
});

