import fc from 'fast-check';
import { Agent, type Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicSigner } from '../../auth/index.ts';
import { loadVendorSpec, type SpecValidators } from '../../openapi/index.ts';
import type { RunningMock } from '../mock-types.ts';
import { startTrustlyMock } from './start-trustly-mock.ts';
import { credentialsOf, customerBody, trustlyApi } from '../../testing/trustly-test-kit.ts';

// The hardening property: thousands of generated malformed requests (random methods, paths,
// headers, bodies and credentials, half of them correctly authenticated) never get a 5xx, never
// crash the mock, never change its store, and every answer is in the documented shape. Every
// body is invalid by construction (or sent with a content type the mock must refuse), so any
// store change is a bug. Requests go through one keep-alive Agent to stay fast.

/**
 * Random requests per run: several times the latest catch of the faults measured below (the
 * comment above the test). CONFORM_MALFORMED_RUNS=10000 is the deep run, for a change to the
 * mock's request handling.
 */
const RUNS = process.env.CONFORM_MALFORMED_RUNS ? Number(process.env.CONFORM_MALFORMED_RUNS) : 2_000;
const MIB = 1024 * 1024;

let mock: RunningMock;
let validators: SpecValidators;
let agent: Agent;
let ids: { a: string[]; b: string[] };

beforeAll(async () => {
  mock = await startTrustlyMock({ env: {} });
  validators = (await loadVendorSpec('trustly')).validators;
  agent = new Agent({ keepAliveTimeout: 30_000, connections: 4 });
  const api = trustlyApi(mock);
  const make = async (as: 'A' | 'B', n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push((await api.create(customerBody({ taxId: `t${i}`, customData: { i } }), { as })).json.customer.customerId);
    return out;
  };
  ids = { a: await make('A', 3), b: await make('B', 2) };
});
afterAll(async () => {
  await agent.close();
  await mock.close();
});

// ---- bodies: every one is refused, whatever the path, method and credentials ----

const isAcceptedCustomer = (value: unknown) => validators.validateRequest('createOrUpdateCustomer', value).valid;
const parsesToAcceptedCustomer = (text: string) => {
  try {
    return isAcceptedCustomer(JSON.parse(text));
  } catch {
    return false;
  }
};

const REQUIRED = ['name', 'address', 'phone', 'email'] as const;
const wrongValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(''),
  fc.constant(12345678901234567890123),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
/** A customer with one documented rule broken. */
const brokenCustomer = fc
  .oneof(
    fc.constantFrom(...REQUIRED).map((key) => ({ ...customerBody(), [key]: undefined })),
    fc.tuple(fc.constantFrom(...REQUIRED, 'taxId', 'externalId', 'customerId', 'enrollDate', 'driverLicense', 'customData'), wrongValue).map(([key, value]) => ({ ...customerBody(), [key]: value })),
    fc.string({ maxLength: 4 }).map((country) => ({ ...customerBody(), address: { country } })),
    fc.constantFrom({ number: 'N' }, { state: 'CA' }, {}, { number: 1, state: 'CA' }).map((driverLicense) => ({ ...customerBody(), driverLicense })),
  )
  .filter((value) => !isAcceptedCustomer(JSON.parse(JSON.stringify(value))))
  .map((value) => JSON.stringify(value));
const valid = () => JSON.stringify(customerBody());
/** A valid customer made unacceptable by how it is encoded. */
const POISONED: (() => string | Buffer)[] = [
  () => valid().replace('{', '{"__proto__":{"admin":true},'),
  () => valid().replace('{', '{"customData":{"constructor":{"prototype":{"x":1}}},'),
  () => valid().replace('{', `{"customData":${'['.repeat(40)}${']'.repeat(40)},`),
  () => valid().replace('{', '{"enrollDate":1e400,'),
  () => valid().replace('{', `{"customData":"${'x'.repeat(MIB)}",`),
  () => Buffer.concat([Buffer.from(valid().slice(0, -1)), Buffer.from(',"taxId":"\xff\xfe"}', 'latin1')]),
];
const poisonedCustomer = fc.constantFrom(...POISONED).map((make) => make());
const truncatedJson = fc.nat().map((n) => {
  const text = valid();
  return text.slice(0, n % text.length);
});
const randomJson = fc
  .jsonValue({ maxDepth: 4 })
  .filter((value) => !isAcceptedCustomer(value))
  .map((value) => JSON.stringify(value) ?? 'null');
const randomText = fc.string({ unit: 'binary', maxLength: 300 }).filter((text) => !parsesToAcceptedCustomer(text));
const randomBytes = fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)).filter((b) => !parsesToAcceptedCustomer(b.toString('utf8')));

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/problem+json'];
const NON_JSON_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'json', 'application/xml', ';;;'];
const anyType = fc.oneof(fc.constantFrom(...JSON_TYPES, ...NON_JSON_TYPES), fc.stringMatching(/^[\x21-\x7e]{0,40}$/), fc.constant(undefined));

interface BodyPart {
  body?: string | Buffer;
  contentType?: string;
}
const bodyPart: fc.Arbitrary<BodyPart> = fc.oneof(
  fc.record({ body: fc.oneof(brokenCustomer, poisonedCustomer, truncatedJson, randomJson, randomText, randomBytes, fc.constant('')), contentType: anyType }),
  // A perfectly valid customer, under a content type the mock must refuse.
  fc.record({ body: fc.constant(null).map(valid), contentType: fc.oneof(fc.constantFrom(...NON_JSON_TYPES), fc.constant(undefined)) }),
  fc.constant({}),
);

// ---- credentials: half correct (either merchant), half missing or wrong ----

type Auth = { authenticated: boolean; header?: string };
const b64 = (text: string) => Buffer.from(text, 'latin1').toString('base64');
const auth: fc.Arbitrary<Auth> = fc.oneof(
  fc.constantFrom('A', 'B').map((who) => {
    const { authorization } = basicSigner({ method: 'GET', url: new URL(mock.url), body: '' }, credentialsOf(mock, who as 'A' | 'B'));
    return { authenticated: true, header: authorization };
  }),
  fc.oneof(
    fc.constant({ authenticated: false }),
    fc.string({ maxLength: 30 }).map((key) => ({ authenticated: false, header: `Basic ${b64(`${credentialsOf(mock, 'A').id}:${key}x`)}` })),
    fc.string({ maxLength: 30 }).map((id) => ({ authenticated: false, header: `Basic ${b64(`unknown${id}:${credentialsOf(mock, 'A').secret}`)}` })),
    fc.constant(null).map(() => ({ authenticated: false, header: `Basic ${b64(`${credentialsOf(mock, 'A').secret}:${credentialsOf(mock, 'A').id}`)}` })),
    fc.uint8Array({ maxLength: 40 }).map((bytes) => ({ authenticated: false, header: `Basic ${Buffer.from(bytes).toString('base64')}` })),
    fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,60}[\x21-\x7e]$/).map((header) => ({ authenticated: false, header })),
    fc.constantFrom('Basic', 'Basic ', 'Bearer abc', 'Basic ====', `Basic ${b64(':')}`, 'Digest username="x"').map((header) => ({ authenticated: false, header })),
  ),
);

// ---- paths: the documented routes with hostile ids and queries, and plain junk ----

const rawSegment = fc.oneof(
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '%2F', '%2e%2e', '..', '.', '%C0%AF', '~', '%FF%FE'),
  fc.stringMatching(/^[0-9]{1,25}$/),
);
// Empty and dot segments are left out of ids: the URL rules resolve them to another route.
const idSegment = rawSegment.filter((segment) => segment !== '' && !/^(\.|%2e)+$/i.test(segment));
const query = fc.oneof(
  fc.constant(''),
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom('externalId', 'customerId'), rawSegment), fc.oneof(rawSegment, fc.constant(''))), { maxLength: 4 })
    .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
);
type Route = 'collection' | 'item' | 'junk';
const path: fc.Arbitrary<{ route: Route; path: string }> = fc.oneof(
  query.map((q) => ({ route: 'collection' as const, path: `/api/v1/customers${q}` })),
  fc
    .tuple(fc.oneof(fc.constant(null).map(() => ids.a[0]!), fc.constant(null).map(() => ids.b[0]!), idSegment), query)
    .map(([id, q]) => ({ route: 'item' as const, path: `/api/v1/customers/${id}${q}` })),
  fc.array(rawSegment, { maxLength: 6 }).map((segments) => ({ route: 'junk' as const, path: `/${segments.join('/')}` })),
  fc.integer({ min: 1_000, max: 8_000 }).map((n) => ({ route: 'junk' as const, path: `/api/v1/customers/${'9'.repeat(n)}/x` })),
);

const FORBIDDEN_HEADERS = ['authorization', 'content-type', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'expect', 'host', 'te', 'trailer'];
const extraHeaders = fc.dictionary(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/).filter((name) => !FORBIDDEN_HEADERS.includes(name)),
  fc.oneof(fc.stringMatching(/^[\x21-\x7e]{0,80}$/), fc.integer({ min: 100, max: 9_000 }).map((n) => 'h'.repeat(n))),
  { maxKeys: 4 },
);

const method = fc.oneof(
  { arbitrary: fc.constantFrom('GET', 'POST'), weight: 4 },
  { arbitrary: fc.constantFrom('PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'), weight: 1 },
);

const malformedRequest = fc.record({ method, path, auth, bodyPart, extraHeaders });
type MalformedRequest = typeof malformedRequest extends fc.Arbitrary<infer T> ? T : never;

/**
 * Every poisoned body, correctly authenticated, on both writes: the requests that get furthest
 * into the mock, each tried first on every run. Drawn at random they are rare (one request in
 * thousands): a mock that lost its prototype and number guards was caught only after 1,800 to
 * 8,400 random requests.
 */
function poisonedExamples(): [MalformedRequest][] {
  const { authorization } = basicSigner({ method: 'GET', url: new URL(mock.url), body: '' }, credentialsOf(mock, 'A'));
  const routes = [
    { route: 'collection' as const, path: '/api/v1/customers' },
    { route: 'item' as const, path: `/api/v1/customers/${ids.a[0]!}` },
  ];
  return routes.flatMap((path) =>
    POISONED.map((make): [MalformedRequest] => [{ method: 'POST', path, auth: { authenticated: true, header: authorization }, bodyPart: { body: make(), contentType: 'application/json' }, extraHeaders: {} }]),
  );
}

function operationOf(route: Route, method: string): string | undefined {
  if (route === 'collection') return method === 'GET' ? 'listCustomers' : method === 'POST' ? 'createOrUpdateCustomer' : undefined;
  if (route === 'item') return method === 'GET' ? 'getCustomer' : method === 'POST' ? 'updateCustomer' : undefined;
  return undefined;
}

function isErrorShape(body: unknown): boolean {
  const errors = (body as { errors?: unknown })?.errors;
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((e) => typeof e?.domain === 'string' && Number.isInteger(e?.code) && typeof e?.message === 'string' && e.message !== '')
  );
}

// How many random requests find a broken mock, measured by breaking it on purpose (10,000-request
// runs, three each, the run the property first failed on): a 500 on a non-numeric id (the
// server-error-on-malformed-id fault made unconditional) after 27 to 57; a text/plain body
// accepted as JSON after 105 to 340; the prototype and number guards removed after 1,827 to
// 8,390, which the poisoned examples now catch on the first requests. RUNS is several times the
// latest random catch. 10,000 requests take about 15 s on a quiet machine and over a minute on a
// loaded one: the timeout bounds a hang, not the speed.
describe('Trustly mock under malformed requests', { timeout: 600_000 }, () => {
  it(`answers ${RUNS} generated malformed requests with no 5xx, no crash and no store change`, async () => {
    const baseline = JSON.stringify(mock.snapshot());
    let sent = 0;
    let authenticated = 0;
    const statuses = new Map<number, number>();
    const started = performance.now();

    await fc.assert(
      fc.asyncProperty(malformedRequest, async (r) => {
        const headers: Record<string, string> = { ...r.extraHeaders };
        if (r.auth.header !== undefined) headers.authorization = r.auth.header;
        if (r.bodyPart.contentType !== undefined) headers['content-type'] = r.bodyPart.contentType;
        const response = await agent.request({
          origin: mock.url,
          path: r.path.path,
          method: r.method as Dispatcher.HttpMethod,
          headers,
          body: r.method === 'HEAD' ? undefined : r.bodyPart.body,
        });
        const text = await response.body.text();
        sent++;
        if (r.auth.authenticated) authenticated++;
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);

        expect(response.statusCode).toBeLessThan(500);
        // Node's parser refuses oversized heads before any route or credential is looked at;
        // that answer (http-kit's answerClientErrors) is the only one that closes the connection.
        const unparsed = response.statusCode === 400 && response.headers.connection === 'close';
        if (r.method !== 'HEAD') {
          const json = JSON.parse(text) as unknown;
          const operationId = operationOf(r.path.route, r.method);
          if (operationId && !unparsed && response.statusCode !== 405) {
            const result = validators.validateResponse(operationId, response.statusCode, String(response.headers['content-type']), json, { strict: true });
            expect(result.violations, `${r.method} ${r.path.path} -> ${response.statusCode} ${text.slice(0, 300)}`).toEqual([]);
          }
          if (response.statusCode >= 400) expect(isErrorShape(json), text.slice(0, 300)).toBe(true);
        }
        if (!r.auth.authenticated && !unparsed) expect(response.statusCode).toBe(401);
        expect(JSON.stringify(mock.snapshot())).toBe(baseline);
      }),
      { numRuns: RUNS, examples: poisonedExamples() },
    );

    const seconds = (performance.now() - started) / 1000;
    console.log(`trustly mock: ${sent} malformed requests (${authenticated} authenticated) in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(sent).toBeGreaterThanOrEqual(RUNS);
    expect(authenticated / sent).toBeGreaterThan(0.4);
    expect(authenticated / sent).toBeLessThan(0.6);
    // Still answering, with the seeded customers intact.
    const after = await trustlyApi(mock).get(ids.a[0]!);
    expect(after.status).toBe(200);
    expect(after.json.customer.taxId).toBe('t0');
  });
});
