import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../mock-types.ts';
import { startTrustlyMock } from './start-trustly-mock.ts';
import { customerBody, send, trustlyApi, type TrustlyApi } from '../../testing/trustly-test-kit.ts';

// Get by id and list: trustly.customers.get.round-trip, get.unknown, list.by-external-id,
// list.by-customer-id and the read side of trustly.merchants.isolated.

let mock: RunningMock;
let api: TrustlyApi;
beforeAll(async () => {
  mock = await startTrustlyMock({ env: {} });
  api = trustlyApi(mock);
});
afterAll(() => mock.close());

describe('Trustly mock: get by id', () => {
  it('returns { customer } exactly as create stored it', async () => {
    const created = await api.create(customerBody({ customData: { deep: { list: [1, 'two', null] } } }));
    const got = await api.get(created.json.customer.customerId);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(created.json);
  });

  it.each([
    ['an unknown numeric id', '1000000000'],
    ['a non-numeric id', 'abc'],
    ['an id with a sign', '-1'],
    ['an encoded slash', 'a/b'],
  ])('answers 404 in the error shape for %s', async (_label, id) => {
    const { status, json } = await api.get(id);
    expect(status).toBe(404);
    expect(json.errors[0]).toMatchObject({ code: 200, location: 'customerId' });
  });

  it('answers 404 for a malformed percent-encoding in the id', async () => {
    const sent = await send(mock, { method: 'GET', path: '/api/v1/customers/%E0%A4%A', operationId: 'getCustomer' });
    expect(sent.status).toBe(404);
    expect(sent.validation.violations).toEqual([]);
  });

  it('answers 404 to another merchant, as for an unknown id', async () => {
    const mine = (await api.create(customerBody())).json.customer;
    const theirs = await api.get(mine.customerId, 'B');
    expect(theirs.status).toBe(404);
    expect(theirs.text).not.toContain(mine.name);
  });
});

describe('Trustly mock: list', () => {
  it('by externalId: exactly the merchant\'s customers with that externalId, no prefix or case match', async () => {
    const key = `list-${Date.now()}`;
    const exact = (await api.create(customerBody({ externalId: key }))).json.customer;
    await api.create(customerBody({ externalId: `${key}-longer` }));
    await api.create(customerBody({ externalId: key.toUpperCase() }));
    await api.create(customerBody({ externalId: key }), { as: 'B' });
    const { status, json } = await api.list({ externalId: key });
    expect(status).toBe(200);
    expect(json).toEqual({ customers: [exact] });
    expect((await api.list({ externalId: key.slice(0, -1) })).json.customers).toEqual([]);
  });

  it('by externalId: several customers sharing it (set by update) come in creation order', async () => {
    const key = `shared-${Date.now()}`;
    const first = (await api.create(customerBody({ externalId: key }))).json.customer;
    const second = (await api.create(customerBody())).json.customer;
    const moved = (await api.update(second.customerId, { ...customerBody(), externalId: key })).json.customer;
    expect((await api.list({ externalId: key })).json.customers).toEqual([first, moved]);
    expect((await api.list({ externalId: second.externalId })).json.customers).toEqual([]);
  });

  it('by customerId: exactly that customer, and nothing for another merchant\'s', async () => {
    const mine = (await api.create(customerBody())).json.customer;
    const theirs = (await api.create(customerBody(), { as: 'B' })).json.customer;
    expect((await api.list({ customerId: mine.customerId })).json).toEqual({ customers: [mine] });
    expect((await api.list({ customerId: theirs.customerId })).json).toEqual({ customers: [] });
    expect((await api.list({ customerId: '1000000000' })).json).toEqual({ customers: [] });
  });

  it('with both filters, the customers matching both', async () => {
    const mine = (await api.create(customerBody())).json.customer;
    expect((await api.list({ customerId: mine.customerId, externalId: mine.externalId })).json.customers).toEqual([mine]);
    expect((await api.list({ customerId: mine.customerId, externalId: 'other' })).json.customers).toEqual([]);
  });

  it('without a filter, every customer of the merchant and no other, in creation order', async () => {
    const fresh = await startTrustlyMock({ env: {} });
    try {
      const freshApi = trustlyApi(fresh);
      const a1 = (await freshApi.create(customerBody())).json.customer;
      await freshApi.create(customerBody(), { as: 'B' });
      const a2 = (await freshApi.create(customerBody())).json.customer;
      expect((await freshApi.list()).json).toEqual({ customers: [a1, a2] });
    } finally {
      await fresh.close();
    }
  });

  it.each([
    ['a non-numeric customerId', '?customerId=12a'],
    ['an empty customerId', '?customerId='],
    ['an empty externalId', '?externalId='],
    ['a repeated externalId', '?externalId=a&externalId=b'],
    ['a repeated customerId', '?customerId=1&customerId=2'],
  ])('refuses %s with 400 naming the parameter', async (_label, query) => {
    const sent = await send(mock, { method: 'GET', path: `/api/v1/customers${query}`, operationId: 'listCustomers' });
    expect(sent.status).toBe(400);
    expect(sent.validation.violations).toEqual([]);
    expect(sent.json.errors[0].message).toMatch(/externalId|customerId/);
  });

  it('ignores query parameters it does not know', async () => {
    const mine = (await api.create(customerBody())).json.customer;
    expect((await api.list({ externalId: mine.externalId, page: '2' })).json.customers).toEqual([mine]);
  });

  it('decodes percent-encoded and Unicode externalIds exactly', async () => {
    const key = `ü 🙂/&=+?#${Date.now()}`;
    const mine = (await api.create(customerBody({ externalId: key }))).json.customer;
    expect((await api.list({ externalId: key })).json.customers).toEqual([mine]);
  });
});
