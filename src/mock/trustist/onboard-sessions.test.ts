import { describe, expect, it } from 'vitest';
import { mocksClosedAfterEach, type TestMock } from '../../testing/trustist-test-kit.ts';

const start = mocksClosedAfterEach();

const PERSON = { firstName: 'Sarah', lastName: 'Johnson', emailAddress: 'sarah@example.com' };
const IDENTITY = { identity: { identityCheck: true } };
const AML = { identity: { amlExtensiveScreening: true } };
const BOTH = { identity: { identityCheck: true, amlExtensiveScreening: true }, ais: { balances: true, accountLimit: 1 } };
const AIS_ONLY = { ais: { accounts: true, balances: true, transactions: true, accountLimit: 2 } };

async function customer(mock: TestMock, body: object): Promise<string> {
  return (await mock.call('POST', '/v1/customers', { json: body })).json.id;
}

function session(mock: TestMock, body: object, key: 'A' | 'B' | 'READONLY' | 'NOREAD' = 'A') {
  return mock.call('POST', '/v1/onboard/sessions', { json: body, key });
}

describe('onboard sessions', () => {
  it.each([
    ['identity check', IDENTITY],
    ['AML screening', AML],
    ['both, with AIS', BOTH],
  ])('creates a session with %s for a customer with complete person data', async (_what, options) => {
    const mock = await start();
    const id = await customer(mock, PERSON);
    const answer = await session(mock, { customerId: id, options, orgId: 'branch-1', returnUrl: 'https://example.org/done' });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ customerId: id, status: 'created' });
    expect(answer.json.onboardUrl).toBe(`${mock.url}/onboard/s/${answer.json.id}`);
    expect((mock.snapshot() as { sessions: unknown[] }).sessions).toEqual([
      expect.objectContaining({ id: answer.json.id, customerId: id, options, orgId: 'branch-1', returnUrl: 'https://example.org/done' }),
    ]);
  });

  it.each([
    ['absent', {}, ['firstName', 'lastName', 'emailAddress']],
    ['empty strings', { firstName: '', lastName: 'Johnson', emailAddress: '' }, ['firstName', 'emailAddress']],
    ['only the e-mail', { emailAddress: 'sarah@example.com' }, ['firstName', 'lastName']],
    ['only the names', { firstName: 'Sarah', lastName: 'Johnson' }, ['emailAddress']],
  ])('refuses identity and AML sessions for person data %s with 400 missing_person_data naming the fields', async (_what, person, missing) => {
    const mock = await start();
    const id = await customer(mock, person);
    const before = mock.snapshot();
    for (const options of [IDENTITY, AML, BOTH]) {
      const answer = await session(mock, { customerId: id, options });
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ error: 'missing_person_data', missingFields: missing });
      for (const field of missing) expect(answer.json.message).toContain(field);
    }
    expect(mock.snapshot()).toEqual(before);
  });

  it('counts a field cleared by update (null) as missing, and succeeds once the fields are added', async () => {
    const mock = await start();
    const id = await customer(mock, PERSON);
    expect((await session(mock, { customerId: id, options: BOTH })).status).toBe(201);
    await mock.call('PUT', `/v1/customers/${id}`, { json: { lastName: null } });
    expect((await session(mock, { customerId: id, options: BOTH })).json.missingFields).toEqual(['lastName']);
    await mock.call('PUT', `/v1/customers/${id}`, { json: { lastName: 'Johnson' } });
    const retried = await session(mock, { customerId: id, options: BOTH });
    expect(retried.status).toBe(201);
    expect(retried.json.onboardUrl).toMatch(/^http:\/\//);
  });

  it.each([
    ['AIS options only', { options: AIS_ONLY }],
    ['no options', {}],
    ['identity checks switched off', { options: { identity: { identityCheck: false, amlExtensiveScreening: false }, ais: { balances: true } } }],
    ['an empty identity object', { options: { identity: {} } }],
  ])('needs no person data for a session with %s', async (_what, extra) => {
    const mock = await start();
    const id = await customer(mock, {});
    expect((await session(mock, { customerId: id, ...extra })).status).toBe(201);
  });

  it("answers 404 for an unknown customer or another tenant's, creating no session", async () => {
    const mock = await start();
    const ofB = (await mock.call('POST', '/v1/customers', { json: PERSON, key: 'B' })).json.id;
    for (const customerId of ['3kTp9j2mN5xR', '00000000-0000-4000-8000-000000000000', ofB]) {
      const answer = await session(mock, { customerId, options: IDENTITY });
      expect(answer.status, customerId).toBe(404);
    }
    expect((mock.snapshot() as { sessions: unknown[] }).sessions).toEqual([]);
  });

  it.each([
    ['no customerId', { options: AIS_ONLY }],
    ['an empty customerId', { customerId: '' }],
    ['a numeric customerId', { customerId: 12 }],
    ['identityCheck as a string', { customerId: 'x', options: { identity: { identityCheck: 'yes' } } }],
    ['accountLimit 0', { customerId: 'x', options: { ais: { accountLimit: 0 } } }],
    ['accountLimit 1.5', { customerId: 'x', options: { ais: { accountLimit: 1.5 } } }],
    ['an http returnUrl', { customerId: 'x', returnUrl: 'http://example.org/done' }],
    ['a relative returnUrl', { customerId: 'x', returnUrl: '/done' }],
  ])('refuses a body with %s with 400', async (_what, body) => {
    const mock = await start();
    const answer = await session(mock, body);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe('invalid_request');
  });

  it('needs create_onboard_session', async () => {
    const mock = await start();
    const id = await customer(mock, PERSON);
    expect((await session(mock, { customerId: id }, 'READONLY')).status).toBe(403);
    expect((await session(mock, { customerId: id }, 'NOREAD')).status).toBe(201);
  });
});
