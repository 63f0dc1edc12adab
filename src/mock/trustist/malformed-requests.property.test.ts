import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hawkSigner, hmacSha256Signer, type KeyCredentials, type Signer } from '../../auth/index.ts';
import { checkAgainstSpec, startTestMock, type CallOptions, type KeyName, type TestMock } from '../../testing/trustist-test-kit.ts';

// Throws thousands of broken requests at one mock and checks that it never answers 5xx, never
// dies, never lets any of them change the store, and that every answer still satisfies the spec.
// Half are correctly signed, so they get past authentication and test the parsing and validation
// behind it; the others carry no, garbled or wrong credentials. A signed request is only ever
// malformed (or sent with a non-JSON content type), so none of them may legitimately write.

const BATCH = 50;
/**
 * Batches of BATCH requests. How many find a broken mock, measured by breaking it on purpose
 * (three seeds each, the batch the property first failed in): the content-type check removed,
 * 1 to 4; an empty body answered 500, 2 to 8; the nesting limit removed, 1 to 4; the prototype-key
 * guard removed, 1 to 2 (the finite-number guard removed changes no answer: the schemas refuse
 * such numbers anyway). 60 batches (3,000 requests) is several times the latest catch.
 * CONFORM_MALFORMED_RUNS=10000 (requests) is the deep run, for a change to the mock's request handling.
 */
const RUNS = Math.ceil(Number(process.env.CONFORM_MALFORMED_RUNS ?? 3_000) / BATCH);
const MIB = 1024 * 1024;

interface Sent {
  method: string;
  path: string;
  body?: string | Buffer;
  contentType?: string;
  headers: Record<string, string>;
  auth: { kind: 'signed'; key: KeyName } | { kind: 'stranger'; how: string; header?: string };
}

let mock: TestMock;
let agent: Agent;
let seedId = '';
let bigBody = '';

beforeAll(async () => {
  mock = await startTestMock({}, { checkSpec: false });
  agent = new Agent({ connections: 16, keepAliveTimeout: 30_000 });
  seedId = (await mock.call('POST', '/v1/customers', { json: { firstName: 'Seed', lastName: 'One', emailAddress: 's@example.org', orgId: 'o' } })).json.id;
  await mock.call('POST', '/v1/customers', { json: { firstName: 'Other' }, key: 'B' });
  await mock.call('POST', '/v1/onboard/sessions', { json: { customerId: seedId } });
  bigBody = JSON.stringify({ firstName: 'x'.repeat(MIB + 10) });
});

afterAll(async () => {
  await agent?.close();
  await mock?.close();
});

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 });
const safeSegment = fc.string({ maxLength: 20 }).filter((s) => {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false; // lone surrogates cannot be percent-encoded
  }
});

const pathArb = fc.oneof(
  fc.constantFrom('/v1/customers', '/v1/customers?orgId=o', '/v1/customers/3kTp9j2mN5xR', '/v1/onboard/sessions', '/v1/onboard/sessions/x'),
  fc.constant('SEED').map(() => `/v1/customers/${seedId}`),
  fc.constantFrom('/v1/customers/%', '/v1/customers/%E0%A4%A', '/v1/customers/%00', '/v1//customers', '/V1/customers', '/v1/customers/a/b', '/v1/customers/..%2F..', '/v1/customers?orgId=%ZZ&orgId', '/%ff', '/'),
  fc
    .tuple(fc.array(fc.oneof(safeSegment.map(encodeURIComponent), fc.constantFrom('%', '%ZZ', '%2F', '%00', '..', '.', 'v1', 'customers')), { maxLength: 5 }), printable)
    .map(([segments, query]) => `/${segments.map((s) => s || 'x').join('/')}?${encodeURIComponent(query)}=${encodeURIComponent(query)}`),
);

/** Text no request schema can accept: not JSON, truncated JSON, or JSON that is not an object. */
const notJson = fc.string({ maxLength: 80 }).filter((s) => {
  try {
    JSON.parse(s);
    return false;
  } catch {
    return true;
  }
});
// An object's JSON ends with "}"; cut that off and it is never valid again.
const truncatedJson = fc.json({ maxDepth: 3 }).filter((j) => j.length > 1).map((j) => j.slice(0, -1));
const nonObject = fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }), fc.string(), fc.double(), fc.boolean(), fc.constant(null)).map((v) => JSON.stringify(v));
const notAString = fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }));
// Invalid for all three bodies: firstName is wrong for the customer schemas, customerId for onboarding.
const wrongTypes = fc
  .tuple(notAString, notAString, fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }))
  .map(([firstName, customerId, extra]) => JSON.stringify({ ...extra, firstName, customerId }));
const prototypeKeys = fc
  .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 }), fc.boolean())
  .map(([key, value, nested]) => (nested ? `{"address":{"${key}":${JSON.stringify(value)}}}` : `{"${key}":${JSON.stringify(value)},"firstName":"x"}`));
const deep = fc.integer({ min: 33, max: 20_000 }).map((d) => `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`);
const hugeNumbers = fc.constantFrom('1e400', '-1e999', '9'.repeat(400)).map((n) => `{"firstName":${n},"customerId":${n}}`);
const binary = fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.concat([Buffer.from([0xff]), b])); // 0xff is never UTF-8
const oversized = fc.constant('BIG').map(() => bigBody);

const malformedBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  { arbitrary: notJson, weight: 10 },
  { arbitrary: truncatedJson, weight: 10 },
  { arbitrary: nonObject, weight: 10 },
  { arbitrary: wrongTypes, weight: 10 },
  { arbitrary: prototypeKeys, weight: 6 },
  { arbitrary: deep, weight: 4 },
  { arbitrary: hugeNumbers, weight: 3 },
  { arbitrary: binary, weight: 6 },
  { arbitrary: oversized, weight: 1 },
  { arbitrary: fc.constant(''), weight: 2 },
);
const validObject = fc.constantFrom('{}', '{"firstName":"Ann"}', `{"customerId":"x"}`, '{"firstName":null}');
const jsonTypes = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/vnd.api+json', 'APPLICATION/JSON');
const otherTypes = fc.oneof(fc.constantFrom('text/plain', 'application/xml', '', 'multipart/form-data; boundary=x', 'application/jsonp', 'json'), printable.filter((t) => !/json/i.test(t)));
const extraHeaders = fc.dictionary(
  fc.constantFrom('accept', 'accept-language', 'x-request-id', 'if-none-match', 'x-forwarded-for', 'x-forwarded-host', 'cookie', 'user-agent', 'x-http-method-override', 'origin', 'content-encoding'),
  printable,
  { maxKeys: 3 },
);
const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS');
/** Mostly the three writing operations (where parsing and validation live), else anything. */
const target = fc.oneof(
  { weight: 7, arbitrary: fc.constantFrom(['POST', '/v1/customers'], ['PUT', 'SEED'], ['POST', '/v1/onboard/sessions'], ['PUT', '/v1/customers/3kTp9j2mN5xR']) },
  { weight: 3, arbitrary: fc.tuple(method, pathArb) },
).map(([m, p]) => ({ method: m, path: p === 'SEED' ? `/v1/customers/${seedId}` : p }));

/** Signed by a real key: only malformed bodies, or a valid one under a non-JSON content type. */
const signedRequest: fc.Arbitrary<Sent> = fc
  .record({
    target,
    payload: fc.oneof(
      { weight: 6, arbitrary: fc.tuple(malformedBody, jsonTypes) },
      { weight: 2, arbitrary: fc.tuple(malformedBody, otherTypes) },
      { weight: 1, arbitrary: fc.tuple(validObject, otherTypes) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
    headers: extraHeaders,
    key: fc.constantFrom<KeyName>('A', 'A', 'A', 'A', 'A', 'B', 'B', 'READONLY', 'NOREAD', 'MERCHANT'),
  })
  .map(({ target: { method, path }, payload, headers, key }) => ({
    method,
    path,
    ...(payload && method !== 'HEAD' ? { body: payload[0], contentType: payload[1] } : {}),
    headers,
    auth: { kind: 'signed', key },
  }));

/** Never authenticated: its body may be anything, even valid. */
const strangerRequest: fc.Arbitrary<Sent> = fc
  .record({
    target,
    payload: fc.oneof(fc.tuple(malformedBody, fc.oneof(jsonTypes, otherTypes)), fc.tuple(validObject, jsonTypes), fc.constant(undefined)),
    headers: extraHeaders,
    how: fc.constantFrom('none', 'garbage', 'wrong-secret', 'unknown-key', 'hmac-scheme', 'forged-mac', 'basic'),
    garbage: printable,
  })
  .map(({ target: { method, path }, payload, headers, how, garbage }) => ({
    method,
    path,
    ...(payload && method !== 'HEAD' ? { body: payload[0], contentType: payload[1] } : {}),
    headers,
    auth: { kind: 'stranger', how, header: garbage },
  }));

function callOptions(sent: Sent): CallOptions {
  const headers: Record<string, string> = { ...sent.headers, ...(sent.contentType === undefined ? {} : { 'content-type': sent.contentType }) };
  // The Hawk payload hash covers the content type actually sent, '' included.
  const signer: Signer = (request, credentials) => hawkSigner({ ...request, contentType: sent.contentType ?? '' }, credentials);
  const base: CallOptions = { rawBody: sent.body, headers, dispatcher: agent, signer };
  if (sent.auth.kind === 'signed') return { ...base, key: sent.auth.key };
  const a: KeyCredentials = mock.credentialsOf('A');
  switch (sent.auth.how) {
    case 'wrong-secret':
      return { ...base, credentials: { id: a.id, secret: mock.credentialsOf('B').secret } };
    case 'unknown-key':
      return { ...base, credentials: { id: randomUUID(), secret: 'invented' } };
    case 'hmac-scheme':
      return { ...base, credentials: a, signer: hmacSha256Signer };
    case 'forged-mac':
      return { ...base, key: null, headers: { ...headers, authorization: `Hawk id="${a.id}", ts="${Math.floor(Date.now() / 1000)}", nonce="n", mac="AAAA"` } };
    case 'basic':
      return { ...base, key: null, headers: { ...headers, authorization: `Basic ${Buffer.from(`${a.id}:${a.secret}`).toString('base64')}` } };
    case 'garbage':
      return { ...base, key: null, headers: { ...headers, authorization: sent.auth.header ?? 'x' } };
    default:
      return { ...base, key: null };
  }
}

/** Replays a batch one request at a time and names the first one that changes the store. */
async function culprit(batch: Sent[]): Promise<string> {
  for (const request of batch) {
    const before = mock.snapshot();
    await mock.call(request.method, request.path, callOptions(request));
    if (!isDeepStrictEqual(mock.snapshot(), before)) return JSON.stringify(request).slice(0, 2000);
  }
  return '(none on replay: the change depends on the interleaving)';
}

describe('the Trustist mock under malformed requests', () => {
  it(`answers ${BATCH * RUNS} generated malformed requests, half correctly signed, without a 5xx or a store change`, async () => {
    const before = mock.snapshot();
    let sent = 0;
    let signed = 0;
    const statuses = new Map<number, number>();
    const startedAt = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(signedRequest, strangerRequest), { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const runBefore = mock.snapshot();
        const answers = await Promise.all(batch.map((request) => mock.call(request.method, request.path, callOptions(request))));
        answers.forEach((answer, i) => {
          const request = batch[i]!;
          sent++;
          if (request.auth.kind === 'signed') signed++;
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          expect(answer.status, `${request.method} ${request.path}: ${answer.body.slice(0, 200)}`).toBeLessThan(500);
          if (request.auth.kind === 'stranger') expect(answer.status).toBe(401);
          if (request.method !== 'HEAD') checkAgainstSpec(mock.validators, request.method, request.path, answer);
        });
        const after = mock.snapshot();
        if (!isDeepStrictEqual(after, runBefore)) throw new Error(`the store changed; the first request that changes it again: ${await culprit(batch)}`);
      }),
      { numRuns: RUNS, seed: 20250121, endOnFailure: true },
    );
    expect(mock.snapshot()).toEqual(before);
    const seconds = (performance.now() - startedAt) / 1000;
    console.info(`trustist mock: ${sent} malformed requests (${signed} correctly signed) in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(sent).toBe(BATCH * RUNS);
    expect(signed).toBeGreaterThan(sent * 0.4);
    // Still alive and still serving the same store.
    const list = await mock.call('GET', '/v1/customers', { dispatcher: agent });
    expect(list.status).toBe(200);
    expect(list.json.map((c: { id: string }) => c.id)).toEqual([seedId]);
    // Seconds on a quiet machine, minutes on one crowded by other test runs: the timeout bounds a hang.
  }, 600_000);
});
