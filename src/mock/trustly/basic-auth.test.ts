import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../mock-types.ts';
import { startTrustlyMock } from './start-trustly-mock.ts';
import { credentialsOf, customerBody, send, trustlyApi } from '../../testing/trustly-test-kit.ts';

// trustly.auth.required and trustly.auth.bad-credentials: HTTP Basic, checked before anything else.

let mock: RunningMock;
beforeAll(async () => {
  mock = await startTrustlyMock({ env: {} });
});
afterAll(() => mock.close());

const OPERATIONS = [
  { operationId: 'createOrUpdateCustomer', method: 'POST', path: '/api/v1/customers', json: customerBody() },
  { operationId: 'listCustomers', method: 'GET', path: '/api/v1/customers?externalId=x' },
  { operationId: 'getCustomer', method: 'GET', path: '/api/v1/customers/1002580963' },
  { operationId: 'updateCustomer', method: 'POST', path: '/api/v1/customers/1002580963', json: customerBody() },
];

const basic = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;

describe('Trustly mock authentication', () => {
  it.each(OPERATIONS)('$operationId without credentials gets 401 (code 300) and a Basic challenge', async (op) => {
    const sent = await send(mock, { ...op, as: 'none' });
    expect(sent.status).toBe(401);
    expect(sent.validation.violations).toEqual([]);
    expect(sent.headers['www-authenticate']).toBe('Basic realm="trustly"');
    expect(sent.json.errors[0]).toMatchObject({ domain: 'com.trustly.security', code: 300 });
  });

  it.each(OPERATIONS)('$operationId with a wrong accessKey gets 401 (code 375)', async (op) => {
    const sent = await send(mock, { ...op, as: { id: credentialsOf(mock, 'A').id, secret: 'wrong-key' } });
    expect(sent.status).toBe(401);
    expect(sent.validation.violations).toEqual([]);
    expect(sent.json.errors[0]).toMatchObject({ domain: 'com.trustly.security', code: 375 });
  });

  it('an unknown accessId, or merchant B\'s key under merchant A\'s id, gets 401 with the same message', async () => {
    const unknown = await send(mock, { method: 'GET', path: '/api/v1/customers', as: { id: 'nobody', secret: credentialsOf(mock, 'A').secret } });
    const crossed = await send(mock, { method: 'GET', path: '/api/v1/customers', as: { id: credentialsOf(mock, 'A').id, secret: credentialsOf(mock, 'B').secret } });
    expect([unknown.status, crossed.status]).toEqual([401, 401]);
    expect(unknown.json.errors[0].message).toBe(crossed.json.errors[0].message);
  });

  it.each([
    ['a Bearer token', 'Bearer abc'],
    ['Basic without a token', 'Basic'],
    ['a token that is not base64', 'Basic !!!!'],
    ['a token without a colon', basic('just-a-user')],
    ['a token that is not UTF-8', `Basic ${Buffer.from([0xff, 0xfe, 0x3a, 0x41]).toString('base64')}`],
    ['an empty header', ''],
  ])('a garbled Authorization header (%s) gets 401', async (_label, authorization) => {
    const sent = await send(mock, { method: 'GET', path: '/api/v1/customers', headers: { authorization }, as: 'none', operationId: 'listCustomers' });
    expect(sent.status).toBe(401);
    expect(sent.validation.violations).toEqual([]);
  });

  it('accepts the scheme name in any case, as RFC 7617 allows', async () => {
    const { id, secret } = credentialsOf(mock, 'A');
    const sent = await send(mock, { method: 'GET', path: '/api/v1/customers', headers: { authorization: `bASIC ${Buffer.from(`${id}:${secret}`).toString('base64')}` }, as: 'none' });
    expect(sent.status).toBe(200);
  });

  it('authenticates before validating: a bad body, a bad path or a bad method without credentials is 401', async () => {
    const before = mock.snapshot();
    for (const request of [
      { method: 'POST', path: '/api/v1/customers', rawBody: '{not json', headers: { 'content-type': 'application/json' } },
      { method: 'POST', path: '/api/v1/customers', json: {} },
      { method: 'GET', path: '/nowhere' },
      { method: 'DELETE', path: '/api/v1/customers/1' },
    ]) {
      expect((await send(mock, { ...request, as: 'none' })).status).toBe(401);
    }
    expect(mock.snapshot()).toEqual(before);
  });

  it('both merchants\' credentials work, each as its own merchant', async () => {
    const api = trustlyApi(mock);
    const a = await api.create(customerBody(), { as: 'A' });
    const b = await api.create(customerBody(), { as: 'B' });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.json.customer.merchantId).not.toBe(b.json.customer.merchantId);
  });
});
