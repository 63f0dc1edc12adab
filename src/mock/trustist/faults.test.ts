import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { hawkSigner, type Signer } from '../../auth/index.ts';
import { loadVendorSpec } from '../../openapi/index.ts';
import type { MockOptions } from '../mock-types.ts';
import { TRUSTIST_FAULTS, type TrustistFaultName } from './faults.ts';
import { manualClock, startTestMock, type TestMock } from '../../testing/trustist-test-kit.ts';

// Each fault gets a scenario that returns true when the deviation shows. The scenario runs
// against the faulty mock (it must show) and against the conforming mock (it must not, and
// there every answer is also checked against the spec).

type Start = (options?: MockOptions) => Promise<TestMock>;
type Scenario = (start: Start) => Promise<boolean>;

const PERSON = { firstName: 'Sarah', lastName: 'Johnson', emailAddress: 'sarah@example.com' };

async function created(m: TestMock, body: object = PERSON, key: 'A' | 'B' = 'A'): Promise<any> {
  const answer = await m.call('POST', '/v1/customers', { json: body, key });
  expect(answer.status, answer.body).toBe(201);
  return answer.json;
}
const get = async (m: TestMock, id: string, key: 'A' | 'B' | 'NOREAD' = 'A') => m.call('GET', `/v1/customers/${id}`, { key });
const put = async (m: TestMock, id: string, json: unknown, key: 'A' | 'B' | 'READONLY' = 'A') => m.call('PUT', `/v1/customers/${id}`, { json, key });
const listIds = async (m: TestMock, query = '', key: 'A' | 'B' = 'A'): Promise<string[]> =>
  (await m.call('GET', `/v1/customers${query}`, { key })).json.map((c: { id: string }) => c.id);
const session = async (m: TestMock, body: object, key: 'A' | 'B' | 'NOONBOARD' = 'A') => m.call('POST', '/v1/onboard/sessions', { json: body, key });
const AIS = { ais: { balances: true } };
const IDENTITY = { identity: { identityCheck: true } };

const SCENARIOS: Record<TrustistFaultName, Scenario> = {
  'auth-missing-accepted': async (start) => (await (await start()).call('POST', '/v1/customers', { json: {}, key: null })).status === 201,
  'auth-missing-accepted-on-reads': async (start) => (await (await start()).call('GET', '/v1/customers', { key: null })).status === 200,
  'auth-mac-ignored': async (start) => {
    const m = await start();
    return (await m.call('GET', '/v1/customers', { credentials: { id: m.credentialsOf('A').id, secret: 'wrong' } })).status === 200;
  },
  'auth-body-hash-ignored': async (start) => {
    const m = await start();
    const signsOtherBody: Signer = (request, credentials) => hawkSigner({ ...request, body: '{"firstName":"Alice"}' }, credentials);
    return (await m.call('POST', '/v1/customers', { json: { firstName: 'Mallory' }, signer: signsOtherBody })).status === 201;
  },
  'auth-timestamp-unchecked': async (start) => (await (await start({ clock: () => Date.now() + 600_000 })).call('GET', '/v1/customers')).status === 200,
  'auth-hawk-replay-accepted': async (start) => {
    const m = await start();
    let first: Record<string, string> | undefined;
    const signsOnce: Signer = (request, credentials) => (first ??= hawkSigner(request, credentials));
    expect((await m.call('POST', '/v1/customers', { json: PERSON, signer: signsOnce })).status).toBe(201);
    return (await m.call('POST', '/v1/customers', { json: PERSON, signer: signsOnce })).status === 201;
  },
  'auth-unknown-key-accepted': async (start) =>
    (await (await start()).call('GET', '/v1/customers', { credentials: { id: randomUUID(), secret: 'made-up' } })).status === 200,
  'merchant-key-accepted': async (start) => (await (await start()).call('GET', '/v1/customers', { key: 'MERCHANT' })).status === 200,

  'create-permission-unchecked': async (start) => (await (await start()).call('POST', '/v1/customers', { json: {}, key: 'READONLY' })).status === 201,
  'get-permission-unchecked': async (start) => {
    const m = await start();
    return (await get(m, (await created(m)).id, 'NOREAD')).status === 200;
  },
  'list-permission-unchecked': async (start) => (await (await start()).call('GET', '/v1/customers', { key: 'NOREAD' })).status === 200,
  'update-permission-unchecked': async (start) => {
    const m = await start();
    return (await put(m, (await created(m)).id, { firstName: 'X' }, 'READONLY')).status === 200;
  },
  'update-forbidden-after-write': async (start) => {
    const m = await start();
    const { id } = await created(m);
    expect((await put(m, id, { firstName: 'X' }, 'READONLY')).status).toBe(403);
    return (await get(m, id)).json.firstName === 'X';
  },

  'create-echo-drops-date-of-birth': async (start) => !('dateOfBirth' in (await created(await start(), { dateOfBirth: '1985-03-15' }))),
  'create-requires-email': async (start) => (await (await start()).call('POST', '/v1/customers', { json: { firstName: 'Ann' } })).status === 400,
  'create-timestamps-local-time': async (start) => Math.abs(Date.parse((await created(await start())).created) - Date.now()) > 30 * 60_000,
  'create-last-updated-before-created': async (start) => {
    const c = await created(await start());
    return Date.parse(c.lastUpdated) < Date.parse(c.created);
  },
  'create-dedupes': async (start) => {
    const m = await start();
    return (await created(m)).id === (await created(m)).id;
  },
  'ids-collide': async (start) => {
    const m = await start();
    const ids = new Set<string>();
    for (let i = 0; i < 70; i++) ids.add((await created(m, { firstName: `n${i}` })).id);
    return ids.size < 70;
  },
  'create-accepts-non-object': async (start) =>
    (await (await start()).call('POST', '/v1/customers', { rawBody: '["Ann"]', headers: { 'content-type': 'application/json' } })).status === 201,
  'invalid-create-persists': async (start) => {
    const m = await start();
    expect((await m.call('POST', '/v1/customers', { json: { firstName: 1, orgId: 'refused' } })).status).toBe(400);
    return (await listIds(m, '?orgId=refused')).length > 0;
  },
  'date-of-birth-pattern-only': async (start) => (await (await start()).call('POST', '/v1/customers', { json: { dateOfBirth: '2023-02-30' } })).status === 201,
  'country-any-two-letters': async (start) => (await (await start()).call('POST', '/v1/customers', { json: { address: { country: 'XX' } } })).status === 201,

  'astral-chars-mangled': async (start) => {
    const m = await start();
    const text = 'Zoë 😀 𝔘𝔫𝔦 𠜎';
    return (await get(m, (await created(m, { firstName: text })).id)).json.firstName !== text;
  },
  'names-truncated-at-64': async (start) => {
    const m = await start();
    const name = 'Wolfeschlegelsteinhausenbergerdorff'.repeat(3);
    return (await get(m, (await created(m, { lastName: name })).id)).json.lastName !== name;
  },
  'get-unknown-400': async (start) => (await get(await start(), '3kTp9j2mN5xR')).status !== 404,

  'update-replaces-record': async (start) => {
    const m = await start();
    const { id } = await created(m);
    await put(m, id, { lastName: 'Jones' });
    return (await get(m, id)).json.firstName !== 'Sarah';
  },
  'null-leaves-unchanged': async (start) => {
    const m = await start();
    const { id } = await created(m);
    await put(m, id, { firstName: null });
    return 'firstName' in (await get(m, id)).json && (await get(m, id)).json.firstName !== null;
  },
  'null-stored-as-string': async (start) => {
    const m = await start();
    const { id } = await created(m);
    await put(m, id, { firstName: null });
    return (await get(m, id)).json.firstName === 'null';
  },
  'update-answers-previous': async (start) => {
    const m = await start();
    return (await put(m, (await created(m)).id, { firstName: 'Sally' })).json.firstName !== 'Sally';
  },
  'update-last-updated-frozen': async (start) => {
    const m = await start();
    const c = await created(m);
    return (await put(m, c.id, { firstName: 'Sally' })).json.lastUpdated === c.lastUpdated;
  },
  'update-resets-created': async (start) => {
    const clock = manualClock();
    const m = await start({ clock });
    const c = await created(m);
    clock.advance(5_000);
    return (await put(m, c.id, { firstName: 'Sally' })).json.created !== c.created;
  },
  'update-writes-immutable': async (start) => {
    const m = await start();
    const c = await created(m);
    const answer = await put(m, c.id, { id: 'AAAAAAAAAAAA', tenantId: randomUUID(), firstName: 'Sally' });
    return answer.json.id !== c.id || answer.json.tenantId !== c.tenantId;
  },
  'update-unknown-creates': async (start) => (await put(await start(), '3kTp9j2mN5xR', { firstName: 'X' })).status !== 404,

  'list-prefix-match': async (start) => {
    const m = await start();
    await created(m, { orgId: 'branch-london' });
    const other = await created(m, { orgId: 'branch-londonderry' });
    return (await listIds(m, '?orgId=branch-london')).includes(other.id);
  },
  'list-case-insensitive': async (start) => {
    const m = await start();
    const other = await created(m, { orgId: 'Branch-London' });
    return (await listIds(m, '?orgId=branch-london')).includes(other.id);
  },
  'list-stale-after-update': async (start) => {
    const m = await start();
    const c = await created(m, { ...PERSON, orgId: 'o' });
    await put(m, c.id, { firstName: 'Sally' });
    const listed = (await m.call('GET', '/v1/customers?orgId=o')).json;
    return listed[0]?.firstName !== 'Sally';
  },

  'get-cross-tenant': async (start) => {
    const m = await start();
    return (await get(m, (await created(m)).id, 'B')).status === 200;
  },
  'update-cross-tenant': async (start) => {
    const m = await start();
    const { id } = await created(m);
    await put(m, id, { firstName: 'Eve' }, 'B');
    return (await get(m, id)).json.firstName === 'Eve';
  },
  'list-cross-tenant': async (start) => {
    const m = await start();
    const ofA = await created(m, { orgId: 'shared' });
    return (await listIds(m, '?orgId=shared', 'B')).includes(ofA.id);
  },

  'kyc-checks-email-only': async (start) => {
    const m = await start();
    return (await session(m, { customerId: (await created(m, { emailAddress: 'a@example.org' })).id, options: IDENTITY })).status === 201;
  },
  'kyc-ignores-aml-screening': async (start) => {
    const m = await start();
    return (await session(m, { customerId: (await created(m, {})).id, options: { identity: { amlExtensiveScreening: true } } })).status === 201;
  },
  'kyc-empty-string-accepted': async (start) => {
    const m = await start();
    return (await session(m, { customerId: (await created(m, { firstName: '', lastName: '', emailAddress: '' })).id, options: IDENTITY })).status === 201;
  },
  'kyc-refusal-sticky': async (start) => {
    const m = await start();
    const { id } = await created(m, { firstName: 'Sarah' });
    expect((await session(m, { customerId: id, options: IDENTITY })).json.error).toBe('missing_person_data');
    await put(m, id, PERSON);
    return (await session(m, { customerId: id, options: IDENTITY })).status !== 201;
  },
  'kyc-ais-only-requires-person-data': async (start) => {
    const m = await start();
    return (await session(m, { customerId: (await created(m, {})).id, options: { ais: { balances: true } } })).status !== 201;
  },

  'update-keeps-set-values': async (start) => {
    const m = await start();
    const { id } = await created(m);
    expect((await put(m, id, { firstName: 'Changed' })).status).toBe(200);
    return (await get(m, id)).json.firstName === PERSON.firstName;
  },
  'update-accepts-non-object': async (start) => {
    const m = await start();
    return (await put(m, (await created(m)).id, [])).status === 200;
  },
  'tenant-id-shared': async (start) => {
    const m = await start();
    return (await created(m, {}, 'A')).tenantId === (await created(m, {}, 'B')).tenantId;
  },
  'list-unfiltered-skips-no-org': async (start) => {
    const m = await start();
    const { id } = await created(m, {});
    return !(await listIds(m)).includes(id);
  },
  'list-unknown-org-non-ascii-400': async (start) => (await (await start()).call('GET', `/v1/customers?orgId=${encodeURIComponent('Zoë')}`)).status === 400,
  'onboard-permission-unchecked': async (start) => {
    const m = await start();
    return (await session(m, { customerId: (await created(m)).id, options: AIS }, 'NOONBOARD')).status === 201;
  },
  'onboard-cross-tenant': async (start) => {
    const m = await start();
    return (await session(m, { customerId: (await created(m)).id, options: AIS }, 'B')).status === 201;
  },
  'onboard-duplicate-session-refused': async (start) => {
    const m = await start();
    const { id } = await created(m);
    expect((await session(m, { customerId: id, options: AIS })).status).toBe(201);
    return (await session(m, { customerId: id, options: AIS })).status === 409;
  },
  'onboard-unknown-customer-400': async (start) => (await session(await start(), { customerId: 'NoSuchCustmr', options: AIS })).status === 400,
  'return-url-http-accepted': async (start) => {
    const m = await start();
    return (await session(m, { customerId: (await created(m)).id, options: AIS, returnUrl: 'http://example.org/done' })).status === 201;
  },
  'server-error-on-empty-body': async (start) => (await (await start()).call('POST', '/v1/customers', { rawBody: '', headers: { 'content-type': 'application/json' } })).status === 500,
  'delete-customer-accepted': async (start) => {
    const m = await start();
    const { id } = await created(m);
    return (await m.call('DELETE', `/v1/customers/${id}`)).status === 204 && (await get(m, id)).json.firstName === undefined;
  },
};

const running: TestMock[] = [];
afterAll(async () => {
  await Promise.all(running.map((m) => m.close()));
});

function starter(fault: string | undefined): Start {
  return async (options = {}) => {
    const mock = await startTestMock({ ...options, fault }, { checkSpec: fault === undefined });
    running.push(mock);
    return mock;
  };
}

describe('the Trustist fault catalogue', () => {
  it('has a scenario for every fault, and no scenario without a fault', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(TRUSTIST_FAULTS.map((f) => f.name).sort());
  });

  it('names kebab-case faults of vendor trustist, each with a one-sentence description and known rule ids', async () => {
    const { rules } = await loadVendorSpec('trustist');
    const known = new Set(rules.map((r) => r.id));
    for (const fault of TRUSTIST_FAULTS) {
      expect(fault.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(fault.vendor).toBe('trustist');
      expect(fault.description).toMatch(/^[A-Za-z].*\.$/);
      for (const rule of fault.rules) expect(known.has(rule), `${fault.name}: ${rule}`).toBe(true);
    }
    expect(new Set(TRUSTIST_FAULTS.map((f) => f.name)).size).toBe(TRUSTIST_FAULTS.length);
  });

  it('targets every MUST rule a server can break, and the SHOULD rules date-of-birth, country and ais-only', async () => {
    const { rules } = await loadVendorSpec('trustist');
    const targeted = new Set(TRUSTIST_FAULTS.map((f) => f.rules[0]));
    const wanted = rules
      .filter((r) => r.level === 'MUST' && r.id !== 'trustist.model.stateful')
      .map((r) => r.id)
      .concat(['trustist.customers.validation.date-of-birth', 'trustist.customers.validation.country', 'trustist.kyc.ais-only']);
    expect(wanted.filter((id) => !targeted.has(id))).toEqual([]);
  });

  it.each(TRUSTIST_FAULTS.map((f) => [f.name, f] as const))('%s shows its deviation, and the conforming mock does not', async (name) => {
    const scenario = SCENARIOS[name as TrustistFaultName];
    expect(await scenario(starter(name)), `with fault ${name}`).toBe(true);
    expect(await scenario(starter(undefined)), 'without a fault').toBe(false);
  });
});
