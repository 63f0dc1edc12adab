import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../mock-types.ts';
import { startTrustlyMock } from './start-trustly-mock.ts';
import { customerBody, manualClock, trustlyApi, type TrustlyApi } from '../../testing/trustly-test-kit.ts';

// Update by id: trustly.customers.update.sets-fields, update.required-fields, update.partial,
// update.null-removes, timestamps, update.immutable and the write side of merchants.isolated.

let mock: RunningMock;
let api: TrustlyApi;
const clock = manualClock();
beforeAll(async () => {
  mock = await startTrustlyMock({ env: {}, clock: clock.now });
  api = trustlyApi(mock);
});
afterAll(() => mock.close());

async function created(extra: Record<string, unknown> = {}) {
  return (await api.create(customerBody({ taxId: 'T1', vip: '2', customData: { a: 1, b: 2 }, driverLicense: { number: 'N1', state: 'CA' }, ...extra }))).json.customer;
}

describe('Trustly mock: update by id', () => {
  it('sets every passed value, keeps omitted optional fields, and answers with the stored record', async () => {
    clock.set(1_700_000_000_000);
    const before = await created();
    clock.set(1_700_000_005_000);
    const body = { name: 'New Name', address: { country: 'CA', city: 'Toronto' }, phone: '+1 416', email: 'new@example.com', currency: 'CAD' };
    const { status, json } = await api.update(before.customerId, body);
    expect(status).toBe(200);
    expect(json.customer).toEqual({ ...before, ...body, updatedAt: 1_700_000_005_000 });
    expect((await api.get(before.customerId)).json).toEqual(json);
  });

  it('replaces a nested object whole rather than merging it', async () => {
    const before = await created();
    const { json } = await api.update(before.customerId, { ...customerBody(), customData: { c: 3 }, address: { country: 'US' } });
    expect(json.customer.customData).toEqual({ c: 3 });
    expect(json.customer.address).toEqual({ country: 'US' });
  });

  it('removes a property sent as null: absent afterwards, not null, and still absent after the next update', async () => {
    const before = await created();
    const { json } = await api.update(before.customerId, { ...customerBody(), taxId: null, driverLicense: null, customData: null, externalId: null });
    for (const key of ['taxId', 'driverLicense', 'customData', 'externalId']) expect(json.customer).not.toHaveProperty(key);
    expect(json.customer.vip).toBe('2');
    const { externalId: _e, ...body } = customerBody();
    const later = (await api.update(before.customerId, body)).json.customer;
    expect(later).not.toHaveProperty('taxId');
    expect((await api.list({ externalId: before.externalId })).json.customers).toEqual([]);
  });

  it('never changes customerId, merchantId or createdAt, whatever the body says', async () => {
    clock.set(1_700_000_010_000);
    const before = await created();
    clock.set(1_700_000_020_000);
    const { status, json } = await api.update(before.customerId, { ...customerBody(), customerId: '1', merchantId: '2', createdAt: 3, updatedAt: 4 });
    expect(status).toBe(200);
    expect(json.customer).toMatchObject({ customerId: before.customerId, merchantId: before.merchantId, createdAt: 1_700_000_010_000, updatedAt: 1_700_000_020_000 });
  });

  it('moves updatedAt strictly forward even when the clock stands still or steps back', async () => {
    clock.set(1_700_000_030_000);
    const before = await created();
    const first = (await api.update(before.customerId, customerBody())).json.customer;
    clock.set(1_600_000_000_000);
    const second = (await api.update(before.customerId, customerBody())).json.customer;
    expect(first.updatedAt).toBe(1_700_000_030_001);
    expect(second.updatedAt).toBe(1_700_000_030_002);
    expect(second.createdAt).toBe(1_700_000_030_000);
  });

  it('timestamps are integer milliseconds near the real time by default', async () => {
    const real = await startTrustlyMock({ env: {} });
    try {
      const t0 = Date.now();
      const { json } = await trustlyApi(real).create(customerBody());
      expect(Number.isInteger(json.customer.createdAt)).toBe(true);
      expect(Math.abs(json.customer.createdAt - t0)).toBeLessThan(5_000);
    } finally {
      await real.close();
    }
  });

  const complete = customerBody();
  it.each([
    ['name missing', { ...complete, name: undefined }],
    ['address missing', { ...complete, address: undefined }],
    ['phone missing', { ...complete, phone: undefined }],
    ['email missing', { ...complete, email: undefined }],
    ['name empty', { ...complete, name: '' }],
    ['email null', { ...complete, email: null }],
    ['country missing', { ...complete, address: { city: 'X' } }],
    ['driverLicense without state', { ...complete, driverLicense: { number: 'N2' } }],
  ])('refuses an update with %s: 400, the record unchanged', async (_label, body) => {
    const before = await created();
    const snapshot = mock.snapshot();
    const { status, json } = await api.update(before.customerId, { ...body, taxId: 'CHANGED' });
    expect(status).toBe(400);
    expect(json.errors[0].code).toBe(200);
    expect(mock.snapshot()).toEqual(snapshot);
    expect((await api.get(before.customerId)).json.customer).toEqual(before);
  });

  it('answers 404 for an unknown or non-numeric id, and for another merchant\'s customer, changing nothing', async () => {
    const theirs = (await api.create(customerBody(), { as: 'B' })).json.customer;
    const snapshot = mock.snapshot();
    expect((await api.update('1000000000', customerBody())).status).toBe(404);
    expect((await api.update('not-a-number', customerBody())).status).toBe(404);
    expect((await api.update(theirs.customerId, customerBody({ name: 'Hijack' }))).status).toBe(404);
    expect(mock.snapshot()).toEqual(snapshot);
    expect((await api.get(theirs.customerId, 'B')).json.customer).toEqual(theirs);
  });

  it('takes the path as the customer: a different body customerId is ignored', async () => {
    const one = await created();
    const two = await created();
    const { json } = await api.update(one.customerId, { ...customerBody(), customerId: two.customerId, name: 'One' });
    expect(json.customer.customerId).toBe(one.customerId);
    expect((await api.get(two.customerId)).json.customer.name).toBe('Joe User');
  });
});
