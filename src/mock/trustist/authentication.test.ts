import { createHash, randomUUID } from 'node:crypto';
import Hawk from '@hapi/hawk';
import { describe, expect, it } from 'vitest';
import { createHmacSha256Signer, hawkResource, hawkSigner, hmacSha256Signer, hmacStringToSign, type Signer } from '../../auth/index.ts';
import { hmacStringToSign as mockStringToSign, parseHmacAuthorization } from './hmac-authenticator.ts';
import { mocksClosedAfterEach, type TestMock } from '../../testing/trustist-test-kit.ts';

const start = mocksClosedAfterEach();

/** One request to each operation: auth must be judged the same way on all of them. */
const EVERY_OPERATION = [
  ['POST', '/v1/customers', { firstName: 'Ann' }],
  ['GET', '/v1/customers', undefined],
  ['GET', '/v1/customers?orgId=branch-1', undefined],
  ['GET', '/v1/customers/3kTp9j2mN5xR', undefined],
  ['PUT', '/v1/customers/3kTp9j2mN5xR', { firstName: 'Ann' }],
  ['POST', '/v1/onboard/sessions', { customerId: '3kTp9j2mN5xR' }],
] as const;

/** Signs as if the request were `changes` applied to the one actually sent. */
function signedAs(base: Signer, changes: { body?: string; path?: string; method?: string; contentType?: string }): Signer {
  return (request, credentials) =>
    base(
      {
        ...request,
        ...(changes.body === undefined ? {} : { body: changes.body }),
        ...(changes.method === undefined ? {} : { method: changes.method }),
        ...(changes.contentType === undefined ? {} : { contentType: changes.contentType }),
        url: changes.path === undefined ? request.url : new URL(changes.path, request.url),
      },
      credentials,
    );
}

describe.each(['hawk', 'hmac-sha256'] as const)('authentication with %s', (auth) => {
  const challenge = auth === 'hawk' ? /^Hawk/ : /^HMAC-SHA256/;

  it('serves a correctly signed request on every operation', async () => {
    const mock = await start({ auth });
    const created = await mock.call('POST', '/v1/customers?trace=1', { json: { firstName: 'Ann', orgId: 'branch-1' } });
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect((await mock.call('GET', `/v1/customers/${id}`)).status).toBe(200);
    expect((await mock.call('GET', '/v1/customers?orgId=branch-1')).json).toHaveLength(1);
    expect((await mock.call('PUT', `/v1/customers/${id}`, { json: { lastName: 'Lee' } })).status).toBe(200);
    expect((await mock.call('POST', '/v1/onboard/sessions', { json: { customerId: id } })).status).toBe(201);
  });

  it.each(EVERY_OPERATION)('answers %s %s without credentials with 401 and a challenge, changing nothing', async (method, path, json) => {
    const mock = await start({ auth });
    const before = mock.snapshot();
    const answer = await mock.call(method, path, { json, key: null });
    expect(answer.status).toBe(401);
    expect(answer.json.error).toBe('unauthorized');
    expect(answer.headers['www-authenticate']).toMatch(challenge);
    expect(mock.snapshot()).toEqual(before);
  });

  it('authenticates before anything else: no validation, routing or parsing for a stranger', async () => {
    const mock = await start({ auth });
    for (const [method, path, body] of [
      ['POST', '/v1/customers', '{ not json'],
      ['POST', '/v1/customers', '{"firstName": 12}'],
      ['GET', '/no/such/path', ''],
      ['DELETE', '/v1/customers', ''],
    ] as const) {
      const answer = await mock.call(method, path, { rawBody: body, headers: { 'content-type': 'application/json' }, key: null });
      expect(answer.status, `${method} ${path}`).toBe(401);
    }
  });

  it('answers an unknown key id with 401', async () => {
    const mock = await start({ auth });
    const answer = await mock.call('GET', '/v1/customers', { credentials: { id: randomUUID(), secret: 'not-issued-by-the-mock' } });
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toMatch(challenge);
  });

  it('answers a wrong secret with 401', async () => {
    const mock = await start({ auth });
    const { id } = mock.credentialsOf('A');
    expect((await mock.call('GET', '/v1/customers', { credentials: { id, secret: mock.credentialsOf('B').secret } })).status).toBe(401);
  });

  it.each([
    ['the body', { body: JSON.stringify({ firstName: 'Alice' }) }],
    ['the path', { path: '/v1/customers?orgId=a' }],
    ['the method', { method: 'PUT' }],
  ] as const)('answers a request whose %s was altered after signing with 401, changing nothing', async (_part, changes) => {
    const mock = await start({ auth });
    const before = mock.snapshot();
    const answer = await mock.call('POST', '/v1/customers', { json: { firstName: 'Mallory' }, signer: signedAs(mock.signer, changes) });
    expect(answer.status).toBe(401);
    expect(mock.snapshot()).toEqual(before);
  });

  it('answers a merchant key (no tenant context) with 401 on every operation', async () => {
    const mock = await start({ auth });
    for (const [method, path, json] of EVERY_OPERATION) {
      const answer = await mock.call(method, path, { json, key: 'MERCHANT' });
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect(answer.json.message).toMatch(/tenant/);
    }
  });

  it('refuses the other scheme with a message that names the enabled one', async () => {
    const mock = await start({ auth });
    const other = auth === 'hawk' ? hmacSha256Signer : hawkSigner;
    const answer = await mock.call('GET', '/v1/customers', { signer: other });
    expect(answer.status).toBe(401);
    expect(answer.json.message).toMatch(auth === 'hawk' ? /Hawk/ : /HMAC-SHA256/);
  });

  it.each(['Bearer abc', 'Basic dXNlcjpwYXNz', 'Hawk', 'Hawk id="x"', 'Hawk garbage', 'HMAC-SHA256', 'HMAC-SHA256 Credential=', '   '])(
    'answers the garbled Authorization header %j with 401',
    async (header) => {
      const mock = await start({ auth });
      const answer = await mock.call('GET', '/v1/customers', { key: null, headers: { authorization: header } });
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toMatch(challenge);
    },
  );
});

describe('Hawk specifics', () => {
  it('accepts a timestamp within 60 s of the mock clock and refuses one beyond, with a resync challenge', async () => {
    const near = await start({ clock: () => Date.now() + 30_000 });
    expect((await near.call('GET', '/v1/customers')).status).toBe(200);
    const far = await start({ clock: () => Date.now() + 120_000 });
    const answer = await far.call('GET', '/v1/customers');
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toMatch(/^Hawk ts="\d+", tsm="[^"]+", error="Stale timestamp"/);
  });

  /** Signs like a Hawk client that sends no payload hash at all. */
  const noHash: Signer = (request, credentials) => ({
    authorization: Hawk.client.header(hawkResource(request.url) as never, request.method, { credentials: { id: credentials.id, key: credentials.secret, algorithm: 'sha256' } }).header,
  });

  it('requires the payload hash on every request with a body, and on POST and PUT with an empty one, changing nothing', async () => {
    const mock = await start();
    const before = mock.snapshot();
    const id = '3kTp9j2mN5xR';
    for (const [method, path, options] of [
      ['POST', '/v1/customers', { json: { firstName: 'Ann' } }],
      ['POST', '/v1/customers', {}],
      ['PUT', `/v1/customers/${id}`, { json: { firstName: 'Ann' } }],
      ['POST', '/v1/onboard/sessions', { json: { customerId: id } }],
      ['GET', '/v1/customers', { rawBody: '{}', headers: { 'content-type': 'application/json' } }],
    ] as const) {
      const answer = await mock.call(method, path, { ...options, signer: noHash });
      expect(answer.status, `${method} ${path}`).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Hawk error="Missing payload hash"');
      expect(answer.json.message).toMatch(/payload hash/);
    }
    expect(mock.snapshot()).toEqual(before);
    expect((await mock.call('GET', '/v1/customers', { signer: noHash })).status).toBe(200);
  });

  it('accepts a body without a payload hash when lenient, and checks the hash whenever one is sent', async () => {
    const mock = await start({ hawkLenient: true });
    expect((await mock.call('POST', '/v1/customers', { json: { firstName: 'Ann' }, signer: noHash })).status).toBe(201);
    const wrongType = signedAs(hawkSigner, { contentType: 'text/plain' });
    expect((await mock.call('POST', '/v1/customers', { json: { firstName: 'Ann' }, signer: wrongType })).status).toBe(401);
    const strict = await start();
    expect((await strict.call('POST', '/v1/customers', { json: { firstName: 'Ann' }, signer: wrongType })).status).toBe(401);
    expect((await strict.call('POST', '/v1/customers', { json: { firstName: 'Ann' } })).status).toBe(201);
  });

  it('refuses a verbatim replay within the window with 401, changing nothing, whether or not lenient', async () => {
    for (const hawkLenient of [false, true]) {
      const mock = await start({ hawkLenient });
      let first: Record<string, string> | undefined;
      const signsOnce: Signer = (request, credentials) => (first ??= hawkSigner(request, credentials));
      expect((await mock.call('POST', '/v1/customers', { json: { firstName: 'Ann' }, signer: signsOnce })).status).toBe(201);
      const before = mock.snapshot();
      const replay = await mock.call('POST', '/v1/customers', { json: { firstName: 'Ann' }, signer: signsOnce });
      expect(replay.status).toBe(401);
      expect(replay.headers['www-authenticate']).toBe('Hawk error="Invalid nonce"');
      expect(mock.snapshot()).toEqual(before);
      // A fresh signature of the same request is no replay.
      expect((await mock.call('POST', '/v1/customers', { json: { firstName: 'Ann' } })).status).toBe(201);
    }
  });

  it('uses up a nonce only when the request passes: one refused for its missing hash may be re-signed with the same nonce', async () => {
    const mock = await start();
    const fixed = { timestamp: Math.floor(Date.now() / 1000), nonce: 'fixed-nonce' };
    const signer =
      (hashed: boolean): Signer =>
      (request, credentials) => ({
        authorization: Hawk.client.header(hawkResource(request.url) as never, request.method, {
          credentials: { id: credentials.id, key: credentials.secret, algorithm: 'sha256' },
          ...fixed,
          ...(hashed ? { payload: request.body as string, contentType: request.contentType ?? '' } : {}),
        }).header,
      });
    expect((await mock.call('POST', '/v1/customers', { json: { firstName: 'Ann' }, signer: signer(false) })).status).toBe(401);
    expect((await mock.call('POST', '/v1/customers', { json: { firstName: 'Ann' }, signer: signer(true) })).status).toBe(201);
    expect((await mock.call('POST', '/v1/customers', { json: { firstName: 'Ann' }, signer: signer(true) })).status).toBe(401);
  });

  it('refuses a ts that is not unix seconds, even when the MAC covers it', async () => {
    const mock = await start();
    const credentials = mock.credentialsOf('A');
    const badTs: Signer = (request) => ({
      authorization: Hawk.client
        .header(request.url.toString(), request.method, {
          credentials: { id: credentials.id, key: credentials.secret, algorithm: 'sha256' },
          timestamp: 'soon' as unknown as number,
        })
        .header,
    });
    expect((await mock.call('GET', '/v1/customers', { signer: badTs })).status).toBe(401);
  });
});

describe('HMAC-SHA256 specifics', () => {
  it('accepts a Timestamp up to 300 s off and refuses one beyond, in both directions', async () => {
    const mock = await start({ auth: 'hmac-sha256', clock: Date.now });
    for (const [offset, status] of [
      [-290_000, 200],
      [290_000, 200],
      [-310_000, 401],
      [310_000, 401],
    ] as const) {
      const signer = createHmacSha256Signer(() => Date.now() + offset);
      expect((await mock.call('GET', '/v1/customers', { signer })).status, `offset ${offset}`).toBe(status);
    }
  });

  it('builds the string-to-sign exactly as the spec defines it (cross-checked with the suite signer)', () => {
    const url = new URL('http://Mock.Example:8080/v1/customers?orgId=b%C3%A9&x=1');
    const body = '{"firstName":"Zoë 😀"}';
    const mine = mockStringToSign({ timestamp: 1737469800, method: 'post', target: '/v1/customers?orgId=b%C3%A9&x=1', host: 'Mock.Example:8080', body: Buffer.from(body) });
    expect(mine).toBe(hmacStringToSign({ method: 'POST', url, body }, 1737469800));
    expect(mine.split('\n')).toEqual([
      'HMAC-SHA256',
      '1737469800',
      'POST',
      '/v1/customers?orgId=b%C3%A9&x=1',
      'mock.example:8080',
      createHash('sha256').update(Buffer.from(body, 'utf8')).digest('hex'),
    ]);
  });

  it.each([
    ['Credential=a, Timestamp=1, Signature=YWJj', true],
    ['Signature=YWJj, Credential=a, Timestamp=1', true],
    ['Credential=a, Timestamp=1', false],
    ['Credential=a, Credential=b, Timestamp=1, Signature=YWJj', false],
    ['Credential=a, Timestamp=-1, Signature=YWJj', false],
    ['Credential=a, Timestamp=1.5, Signature=YWJj', false],
    ['Credential=a, Timestamp=1, Signature=not base64!', false],
    ['Credential=a, Timestamp=1, Signature=YWJj, Extra=1', false],
  ])('parses "HMAC-SHA256 %s": %s', (params, ok) => {
    expect(parseHmacAuthorization(`HMAC-SHA256 ${params}`) !== undefined).toBe(ok);
  });
});

describe('permissions', () => {
  it('refuses a key without create_customer, update_customer or create_onboard_session with 403, changing nothing', async () => {
    const mock = await start();
    const id = (await mock.call('POST', '/v1/customers', { json: { firstName: 'Ann' } })).json.id;
    const before = mock.snapshot();
    for (const [method, path, json] of [
      ['POST', '/v1/customers', { firstName: 'Bob' }],
      ['PUT', `/v1/customers/${id}`, { firstName: 'Bob' }],
      ['POST', '/v1/onboard/sessions', { customerId: id }],
    ] as const) {
      const answer = await mock.call(method, path, { json, key: 'READONLY' });
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.json.error).toBe('forbidden');
    }
    expect(mock.snapshot()).toEqual(before);
    expect((await mock.call('GET', `/v1/customers/${id}`, { key: 'READONLY' })).json.firstName).toBe('Ann');
    expect((await mock.call('GET', '/v1/customers', { key: 'READONLY' })).status).toBe(200);
  });

  it('refuses a key without read_customers with 403 on get and list, and lets it do the rest', async () => {
    const mock = await start();
    const created = await mock.call('POST', '/v1/customers', { json: { firstName: 'Ann', lastName: 'Lee', emailAddress: 'a@example.org' }, key: 'NOREAD' });
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect((await mock.call('GET', `/v1/customers/${id}`, { key: 'NOREAD' })).status).toBe(403);
    expect((await mock.call('GET', '/v1/customers', { key: 'NOREAD' })).status).toBe(403);
    expect((await mock.call('GET', '/v1/customers?orgId=x', { key: 'NOREAD' })).status).toBe(403);
    expect((await mock.call('PUT', `/v1/customers/${id}`, { json: { firstName: 'Bo' }, key: 'NOREAD' })).status).toBe(200);
    expect((await mock.call('POST', '/v1/onboard/sessions', { json: { customerId: id }, key: 'NOREAD' })).status).toBe(201);
  });

  it('checks the permission before the body: a forbidden invalid body gets 403, not 400', async () => {
    const mock = await start();
    const answer = await mock.call('POST', '/v1/customers', { rawBody: '{ nope', headers: { 'content-type': 'application/json' }, key: 'READONLY' });
    expect(answer.status).toBe(403);
  });
});
