import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../mock-types.ts';
import { startTrustlyMock } from './start-trustly-mock.ts';
import { customerBody, manualClock, trustlyApi, type TrustlyApi } from '../../testing/trustly-test-kit.ts';

// Create and upsert through POST /api/v1/customers: trustly.customers.create.schema,
// create.required-fields, driver-license, upsert.external-id, upsert.customer-id, timestamps.
// Every response is checked against the spec by trustlyApi (strict).

let mock: RunningMock;
let api: TrustlyApi;
const clock = manualClock();
beforeAll(async () => {
  mock = await startTrustlyMock({ env: {}, clock: clock.now });
  api = trustlyApi(mock);
});
afterAll(() => mock.close());

const FULL = {
  taxId: '012345678',
  dateOfBirth: '1980-02-29',
  enrollDate: 1555696836548,
  vip: '3',
  currency: 'USD',
  balance: '10.00',
  organizationNumber: 'ORG-1',
  externalTier: 'Gold',
  personId: 'P-1',
  nationalId: 'N-1',
  customData: { loyalty: { level: 3, tags: ['a', 'b'] }, note: null },
  driverLicense: { number: 'A1234567', state: 'CA' },
  undocumentedExtra: { kept: true },
};

describe('Trustly mock: create', () => {
  it('answers 200 { customer } echoing every submitted field, with a 10-digit id, the caller\'s merchantId and ms timestamps', async () => {
    clock.set(1_700_000_000_123);
    const body = customerBody(FULL);
    const { status, json } = await api.create(body);
    expect(status).toBe(200);
    expect(json.customer).toEqual({ ...body, customerId: json.customer.customerId, merchantId: json.customer.merchantId, createdAt: 1_700_000_000_123, updatedAt: 1_700_000_000_123 });
    expect(json.customer.customerId).toMatch(/^[1-9][0-9]{9}$/);
    expect(json.customer.merchantId).toMatch(/^[0-9]+$/);
    expect((await api.get(json.customer.customerId)).json).toEqual(json);
  });

  it('stores text exactly as sent: no trimming, any Unicode (astral, combining marks, RTL, lone surrogates)', async () => {
    const texts = {
      name: '  Zoë 🙂 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 e\u0301\u0308 ',
      phone: ' +1 650 ',
      email: 'ü@例え.テスト',
      taxId: 'مرحبا \u200f\u200d',
      vip: '\ud800 lone',
      customData: { '🔑': '𠀀𠀁', ' spaced key ': '\u0000\u001f' },
      address: { country: 'US', address1: '  ', city: 'Ꙭ' },
    };
    const { json } = await api.create(customerBody(texts));
    const got = (await api.get(json.customer.customerId)).json.customer;
    for (const [key, value] of Object.entries(texts)) expect(got[key]).toEqual(value);
  });

  it('treats null in a create as absent, and ignores body merchantId, createdAt and updatedAt', async () => {
    clock.set(1_700_000_001_000);
    const { json } = await api.create(customerBody({ taxId: null, driverLicense: null, merchantId: '999', createdAt: 1, updatedAt: 2 }));
    expect(json.customer).not.toHaveProperty('taxId');
    expect(json.customer).not.toHaveProperty('driverLicense');
    expect(json.customer.merchantId).not.toBe('999');
    expect([json.customer.createdAt, json.customer.updatedAt]).toEqual([1_700_000_001_000, 1_700_000_001_000]);
  });

  it('gives every customer a different id', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++) ids.add((await api.create(customerBody())).json.customer.customerId);
    expect(ids.size).toBe(50);
  });

  const complete = customerBody();
  const without = (key: string) => Object.fromEntries(Object.entries(complete).filter(([k]) => k !== key));
  it.each([
    ['name missing', without('name'), 'name'],
    ['address missing', without('address'), 'address'],
    ['phone missing', without('phone'), 'phone'],
    ['email missing', without('email'), 'email'],
    ['name empty', { ...complete, name: '' }, 'name'],
    ['email empty', { ...complete, email: '' }, 'email'],
    ['address without country', { ...complete, address: { city: 'X' } }, 'address.country'],
    ['country not ISO alpha-2', { ...complete, address: { country: 'usa' } }, 'address.country'],
    ['name null', { ...complete, name: null }, 'name'],
    ['phone a number', { ...complete, phone: 5551212 }, 'phone'],
    ['enrollDate a fraction', { ...complete, enrollDate: 1.5 }, 'enrollDate'],
    ['customerId not numeric', { ...complete, customerId: '12a' }, 'customerId'],
    ['driverLicense without state', { ...complete, driverLicense: { number: 'A1' } }, 'driverLicense.state'],
    ['driverLicense without number', { ...complete, driverLicense: { state: 'CA' } }, 'driverLicense.number'],
    ['driverLicense empty', { ...complete, driverLicense: {} }, 'driverLicense'],
    ['driverLicense a string', { ...complete, driverLicense: 'A1' }, 'driverLicense'],
    ['body an array', [complete], ''],
    ['body a string', 'customer', ''],
  ])('refuses a create with %s: 400 code 200 naming the field, nothing stored', async (_label, body, field) => {
    const before = mock.snapshot();
    const { status, json } = await api.create(body);
    expect(status).toBe(400);
    expect(json.errors[0].code).toBe(200);
    expect(json.errors.map((e: { message: string }) => e.message).join(' ')).toContain(field === '' ? 'request body' : field);
    expect(mock.snapshot()).toEqual(before);
  });

  it('accepts a driverLicense with both number and state', async () => {
    const { status, json } = await api.create(customerBody({ driverLicense: { number: 'X', state: 'NY' } }));
    expect(status).toBe(200);
    expect(json.customer.driverLicense).toEqual({ number: 'X', state: 'NY' });
  });
});

describe('Trustly mock: upsert', () => {
  it('a body customerId of an existing customer updates it', async () => {
    const first = (await api.create(customerBody({ taxId: 'keep' }))).json.customer;
    const again = await api.create(customerBody({ customerId: first.customerId, externalId: first.externalId, name: 'Renamed' }));
    expect(again.json.customer).toMatchObject({ customerId: first.customerId, name: 'Renamed', taxId: 'keep', createdAt: first.createdAt });
    expect((await api.list({ externalId: first.externalId })).json.customers).toHaveLength(1);
  });

  it('a body customerId that is unknown, or another merchant\'s, gets 404 and changes nothing', async () => {
    const theirs = (await api.create(customerBody(), { as: 'B' })).json.customer;
    const before = mock.snapshot();
    expect((await api.create(customerBody({ customerId: '1000000001' }))).status).toBe(404);
    expect((await api.create(customerBody({ customerId: theirs.customerId }))).status).toBe(404);
    expect(mock.snapshot()).toEqual(before);
  });

  it('a body externalId of an existing customer updates it, keeping its id and createdAt', async () => {
    clock.set(1_700_000_002_000);
    const first = (await api.create(customerBody({ vip: '1' }))).json.customer;
    clock.set(1_700_000_003_000);
    const again = (await api.create(customerBody({ externalId: first.externalId, phone: '+1 555' }))).json.customer;
    expect(again).toMatchObject({ customerId: first.customerId, phone: '+1 555', vip: '1', createdAt: 1_700_000_002_000, updatedAt: 1_700_000_003_000 });
    expect((await api.list({ externalId: first.externalId })).json.customers).toEqual([again]);
  });

  it('the externalId query parameter is the key when the body has none, and is stored on create', async () => {
    const externalId = `q-${Date.now()}`;
    const { externalId: _none, ...body } = customerBody();
    const created = (await api.create(body, { query: `?externalId=${externalId}` })).json.customer;
    expect(created.externalId).toBe(externalId);
    const again = (await api.create({ ...body, name: 'Via query' }, { query: `?externalId=${externalId}` })).json.customer;
    expect(again).toMatchObject({ customerId: created.customerId, name: 'Via query' });
  });

  it('a body externalId wins over the query parameter', async () => {
    const a = (await api.create(customerBody())).json.customer;
    const b = (await api.create(customerBody())).json.customer;
    const again = (await api.create(customerBody({ externalId: b.externalId, name: 'B2' }), { query: `?externalId=${encodeURIComponent(a.externalId)}` })).json.customer;
    expect(again.customerId).toBe(b.customerId);
    expect((await api.get(a.customerId)).json.customer.name).toBe('Joe User');
  });

  it('externalIds are per merchant: merchant B posting A\'s externalId creates B\'s own customer', async () => {
    const mine = (await api.create(customerBody())).json.customer;
    const before = mock.snapshot();
    const theirs = (await api.create(customerBody({ externalId: mine.externalId, name: 'B' }), { as: 'B' })).json.customer;
    expect(theirs.customerId).not.toBe(mine.customerId);
    expect(theirs.merchantId).not.toBe(mine.merchantId);
    expect((await api.get(mine.customerId)).json.customer).toEqual(mine);
    expect((mock.snapshot() as { customers: unknown[] }).customers.length).toBe((before as { customers: unknown[] }).customers.length + 1);
  });

  it('refuses an empty or repeated externalId query parameter with 400', async () => {
    expect((await api.create(customerBody(), { query: '?externalId=' })).status).toBe(400);
    expect((await api.create(customerBody(), { query: '?externalId=a&externalId=b' })).status).toBe(400);
  });
});
