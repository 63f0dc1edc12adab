import { describe, expect, it } from 'vitest';
import { GUID, manualClock, mocksClosedAfterEach, type TestMock } from '../../testing/trustist-test-kit.ts';

const start = mocksClosedAfterEach();

const SARAH = {
  firstName: 'Sarah',
  lastName: 'Johnson',
  emailAddress: 'sarah.johnson@example.com',
  dateOfBirth: '1985-03-15',
  address: { addressLine1: '123 High Street', addressLine2: 'Flat 4B', city: 'London', postalCode: 'SW1A 1AA', country: 'GB' },
  orgId: 'branch-001',
};

/** Text that breaks naive storage: astral characters, combining marks (NFD kept apart from NFC), RTL, ZWJ, spaces, escapes. */
const TRICKY_TEXT = {
  firstName: 'Zoe\u0308 😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  lastName: 'Zoë 𠜎𠜱 👩‍👩‍👧‍👦',
  emailAddress: '  spaced@example.org  ',
  orgId: 'فرع-١ \u200f',
  address: { addressLine1: 'Line "one"\n\\two\u0000', city: '\ud800 lone surrogate', postalCode: 'e\u0301', country: 'NO' },
};

async function create(mock: TestMock, body: unknown = {}) {
  const answer = await mock.call('POST', '/v1/customers', { json: body });
  expect(answer.status, answer.body).toBe(201);
  return answer.json;
}

describe('create', () => {
  it('answers 201 with the submitted fields exactly, a 12-character id, the tenant and equal timestamps from the clock', async () => {
    const clock = manualClock(Date.parse('2025-01-21T14:30:00.123Z'));
    const mock = await start({ auth: 'hmac-sha256', clock });
    const customer = await create(mock, SARAH);
    expect(customer).toEqual({ id: customer.id, tenantId: customer.tenantId, ...SARAH, created: '2025-01-21T14:30:00.123Z', lastUpdated: '2025-01-21T14:30:00.123Z' });
    expect(customer.id).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(customer.tenantId).toMatch(GUID);
  });

  it('accepts {} and every subset of the documented fields', async () => {
    const mock = await start();
    const fields = Object.keys(SARAH) as (keyof typeof SARAH)[];
    for (let mask = 0; mask < 1 << fields.length; mask++) {
      const body = Object.fromEntries(fields.filter((_, i) => mask & (1 << i)).map((f) => [f, SARAH[f]]));
      const customer = await create(mock, body);
      expect(customer).toEqual({ id: customer.id, tenantId: customer.tenantId, ...body, created: customer.created, lastUpdated: customer.lastUpdated });
    }
    expect(await create(mock, { address: {} })).toMatchObject({ address: {} });
  });

  it('creates a new customer for every duplicate, each retrievable', async () => {
    const mock = await start();
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++) ids.add((await create(mock, SARAH)).id);
    expect(ids.size).toBe(50);
    for (const id of ids) expect((await mock.call('GET', `/v1/customers/${id}`)).json.id).toBe(id);
  });

  it('keeps any Unicode byte-for-byte and nothing is trimmed or normalised', async () => {
    const mock = await start();
    const customer = await create(mock, TRICKY_TEXT);
    expect(customer).toMatchObject(TRICKY_TEXT);
    const fetched = await mock.call('GET', `/v1/customers/${customer.id}`);
    expect(fetched.json).toEqual(customer);
    expect(fetched.json.firstName).not.toBe(fetched.json.firstName.normalize('NFC'));
    const long = 'Ω'.repeat(5000);
    expect((await create(mock, { firstName: long, lastName: '' })).firstName).toBe(long);
  });

  it('ignores undocumented fields and never lets the body set id, tenantId or timestamps', async () => {
    const clock = manualClock();
    const mock = await start({ clock });
    const customer = await create(mock, { firstName: 'Ann', id: 'mine', tenantId: '00000000-0000-0000-0000-000000000000', created: '2000-01-01T00:00:00Z', nickname: 'A', address: { city: 'Leeds', floor: 3 } });
    expect(customer).toEqual({ id: customer.id, tenantId: customer.tenantId, firstName: 'Ann', address: { city: 'Leeds' }, created: new Date(clock()).toISOString(), lastUpdated: new Date(clock()).toISOString() });
    expect(customer.id).not.toBe('mine');
  });

  it.each([
    ['malformed JSON', '{"firstName": "Ann"', /JSON/],
    ['an array', '[]', /must be object/],
    ['a string', '"Ann"', /must be object/],
    ['null', 'null', /must be object/],
    ['a number', '42', /must be object/],
    ['firstName a number', '{"firstName": 1}', /\/firstName/],
    ['firstName null', '{"firstName": null}', /\/firstName/],
    ['address a string', '{"address": "1 High St"}', /\/address/],
    ['address.city a number', '{"address": {"city": 5}}', /\/address\/city/],
    ['orgId a boolean', '{"orgId": true}', /\/orgId/],
    ['dateOfBirth not a real date', '{"dateOfBirth": "2023-02-30"}', /\/dateOfBirth/],
    ['dateOfBirth in another format', '{"dateOfBirth": "15/03/1985"}', /\/dateOfBirth/],
    ['dateOfBirth without padding', '{"dateOfBirth": "1985-3-5"}', /\/dateOfBirth/],
    ['dateOfBirth with a time', '{"dateOfBirth": "1985-03-15T00:00:00Z"}', /\/dateOfBirth/],
    ['country in lower case', '{"address": {"country": "gb"}}', /\/address\/country/],
    ['country not assigned', '{"address": {"country": "XX"}}', /\/address\/country/],
    ['country alpha-3', '{"address": {"country": "GBR"}}', /\/address\/country/],
  ])('refuses %s with 400 naming the problem, creating nothing', async (_what, body, named) => {
    const mock = await start();
    await create(mock, { firstName: 'existing' });
    const before = mock.snapshot();
    const answer = await mock.call('POST', '/v1/customers', { rawBody: body, headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toMatch(named);
    expect(mock.snapshot()).toEqual(before);
  });

  it('accepts a leap day', async () => {
    const mock = await start();
    expect((await create(mock, { dateOfBirth: '2024-02-29' })).dateOfBirth).toBe('2024-02-29');
  });
});

describe('get', () => {
  it('returns exactly what create returned', async () => {
    const mock = await start();
    const customer = await create(mock, SARAH);
    expect((await mock.call('GET', `/v1/customers/${customer.id}`)).json).toEqual(customer);
  });

  it.each(['3kTp9j2mN5xR', 'x', '%E2%9C%93', '..%2F..%2Fetc', '00000000-0000-0000-0000-000000000000', '%F0%9F%98%80'])('answers the unknown id %s with 404', async (id) => {
    const mock = await start();
    await create(mock, SARAH);
    const answer = await mock.call('GET', `/v1/customers/${id}`);
    expect(answer.status).toBe(404);
    expect(answer.json.error).toBe('not_found');
  });
});

describe('update', () => {
  it('changes only the fields sent, and answers with the record as stored (the same a get shows)', async () => {
    const mock = await start();
    const customer = await create(mock, SARAH);
    const updated = await mock.call('PUT', `/v1/customers/${customer.id}`, { json: { firstName: 'Sally', emailAddress: 'sally@example.com' } });
    expect(updated.status).toBe(200);
    expect(updated.json).toEqual({ ...customer, firstName: 'Sally', emailAddress: 'sally@example.com', lastUpdated: updated.json.lastUpdated });
    expect((await mock.call('GET', `/v1/customers/${customer.id}`)).json).toEqual(updated.json);
  });

  it('clears a field sent as null: absent afterwards, and it stays cleared', async () => {
    const mock = await start();
    const customer = await create(mock, SARAH);
    const cleared = await mock.call('PUT', `/v1/customers/${customer.id}`, { json: { dateOfBirth: null, orgId: null, address: null } });
    expect(cleared.json).not.toHaveProperty('dateOfBirth');
    expect(cleared.json).not.toHaveProperty('orgId');
    expect(cleared.json).not.toHaveProperty('address');
    await mock.call('PUT', `/v1/customers/${customer.id}`, { json: { firstName: 'Sal' } });
    const fetched = (await mock.call('GET', `/v1/customers/${customer.id}`)).json;
    expect(fetched).toEqual({ ...cleared.json, firstName: 'Sal', lastUpdated: fetched.lastUpdated });
    expect(JSON.stringify(fetched)).not.toContain('null');
  });

  it('replaces the stored address with the one sent, minus its null fields (the documented choice for nested-address)', async () => {
    const mock = await start();
    const customer = await create(mock, SARAH);
    const answer = await mock.call('PUT', `/v1/customers/${customer.id}`, { json: { address: { city: 'Leeds', postalCode: null, country: 'GB' } } });
    expect(answer.json.address).toEqual({ city: 'Leeds', country: 'GB' });
  });

  it('never changes id, tenantId or created, and moves lastUpdated strictly forward even when the clock stands still or goes back', async () => {
    const clock = manualClock();
    const mock = await start({ clock });
    const customer = await create(mock, SARAH);
    const stamps = [customer.lastUpdated];
    for (const step of [0, 0, -5_000, 10_000]) {
      clock.advance(step);
      const answer = await mock.call('PUT', `/v1/customers/${customer.id}`, {
        json: { id: 'other', tenantId: '00000000-0000-0000-0000-000000000000', created: '2000-01-01T00:00:00Z', lastUpdated: '2000-01-01T00:00:00Z' },
      });
      expect(answer.json.id).toBe(customer.id);
      expect(answer.json.tenantId).toBe(customer.tenantId);
      expect(answer.json.created).toBe(customer.created);
      stamps.push(answer.json.lastUpdated);
    }
    const times = stamps.map((s) => Date.parse(s));
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
    expect(times[1]! - times[0]!).toBe(1);
    expect(stamps.at(-1)).toBe(new Date(clock()).toISOString());
  });

  it('answers an unknown id with 404 and an invalid body with 400, changing nothing', async () => {
    const mock = await start();
    const customer = await create(mock, SARAH);
    const before = mock.snapshot();
    expect((await mock.call('PUT', '/v1/customers/3kTp9j2mN5xR', { json: { firstName: 'X' } })).status).toBe(404);
    for (const body of [[], { firstName: 7 }, { address: 'x' }, { dateOfBirth: '1985-02-29' }, { address: { country: 'UK' } }]) {
      const answer = await mock.call('PUT', `/v1/customers/${customer.id}`, { json: body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    expect(mock.snapshot()).toEqual(before);
  });
});

describe('list', () => {
  it('returns every customer of the tenant whose orgId equals the value exactly, in creation order', async () => {
    const mock = await start();
    const orgs = ['branch-london', 'branch-londonderry', 'Branch-London', 'branch', 'branch-london', '', 'branch-london ', 'ブランチ'];
    const made = [];
    for (const orgId of orgs) made.push(await create(mock, { orgId }));
    await create(mock, { firstName: 'no org' });
    const list = async (query: string) => (await mock.call('GET', `/v1/customers${query}`)).json.map((c: { id: string }) => c.id);
    expect(await list('?orgId=branch-london')).toEqual([made[0].id, made[4].id]);
    expect(await list('?orgId=Branch-London')).toEqual([made[2].id]);
    expect(await list('?orgId=branch')).toEqual([made[3].id]);
    expect(await list('?orgId=')).toEqual([made[5].id]);
    expect(await list(`?orgId=${encodeURIComponent('branch-london ')}`)).toEqual([made[6].id]);
    expect(await list(`?orgId=${encodeURIComponent('ブランチ')}&page=2&unknown=yes`)).toEqual([made[7].id]);
    expect(await list('?orgId=nobody')).toEqual([]);
    expect(await list('')).toHaveLength(orgs.length + 1);
  });

  it('follows updates: a changed orgId moves the customer, and creation order holds', async () => {
    const mock = await start();
    const a = await create(mock, { orgId: 'x' });
    const b = await create(mock, { orgId: 'y' });
    const c = await create(mock, { orgId: 'x' });
    await mock.call('PUT', `/v1/customers/${b.id}`, { json: { orgId: 'x', firstName: 'Bea' } });
    const listed = (await mock.call('GET', '/v1/customers?orgId=x')).json;
    expect(listed.map((x: { id: string }) => x.id)).toEqual([a.id, b.id, c.id]);
    expect(listed[1].firstName).toBe('Bea');
    expect((await mock.call('GET', '/v1/customers?orgId=y')).json).toEqual([]);
    await mock.call('PUT', `/v1/customers/${a.id}`, { json: { orgId: null } });
    expect((await mock.call('GET', '/v1/customers?orgId=x')).json.map((x: { id: string }) => x.id)).toEqual([b.id, c.id]);
  });
});

describe('tenancy', () => {
  it('keeps each tenant to its own customers: get and update 404, lists never show the other tenant', async () => {
    const mock = await start();
    const ofA = await create(mock, { ...SARAH, orgId: 'shared' });
    const ofB = (await mock.call('POST', '/v1/customers', { json: { orgId: 'shared' }, key: 'B' })).json;
    expect(ofB.tenantId).not.toBe(ofA.tenantId);
    const before = mock.snapshot();
    expect((await mock.call('GET', `/v1/customers/${ofA.id}`, { key: 'B' })).status).toBe(404);
    expect((await mock.call('PUT', `/v1/customers/${ofA.id}`, { json: { firstName: 'Eve' }, key: 'B' })).status).toBe(404);
    expect((await mock.call('POST', '/v1/onboard/sessions', { json: { customerId: ofA.id }, key: 'B' })).status).toBe(404);
    expect(mock.snapshot()).toEqual(before);
    for (const query of ['', '?orgId=shared']) {
      expect((await mock.call('GET', `/v1/customers${query}`, { key: 'B' })).json.map((c: { id: string }) => c.id)).toEqual([ofB.id]);
      expect((await mock.call('GET', `/v1/customers${query}`)).json.map((c: { id: string }) => c.id)).toEqual([ofA.id]);
    }
    // Keys of the same tenant share its customers.
    expect((await mock.call('GET', `/v1/customers/${ofA.id}`, { key: 'READONLY' })).status).toBe(200);
  });
});
