import { describe, expect, it } from 'vitest';
import { loadVendorSpec } from '../../openapi/index.ts';
import type { RunningMock } from '../mock-types.ts';
import { TRUSTLY_FAULTS, type TrustlyFaultName } from './faults.ts';
import { startTrustlyMock } from './start-trustly-mock.ts';
import { customerBody, manualClock, send, trustlyApi, type TrustlyApi } from '../../testing/trustly-test-kit.ts';

// Each fault, shown: its scenario observes the deviation with the fault injected, and does not
// with the correct mock. The table is keyed by fault name, so a fault without a scenario does
// not compile, and the last test checks the table against the catalogue at run time too.

interface Tools {
  api: TrustlyApi;
  mock: RunningMock;
  clock: ReturnType<typeof manualClock>;
}
type Scenario = (tools: Tools) => Promise<boolean>;

const created = async (api: TrustlyApi, extra: Record<string, unknown> = {}, as: 'A' | 'B' = 'A') =>
  (await api.create(customerBody(extra), { as })).json.customer;

const SCENARIOS: Record<TrustlyFaultName, Scenario> = {
  'auth-optional': async ({ mock }) => (await send(mock, { method: 'GET', path: '/api/v1/customers', as: 'none' })).status !== 401,
  'auth-key-unchecked': async ({ mock }) =>
    (await send(mock, { method: 'GET', path: '/api/v1/customers', as: { id: mock.credentials.TRUSTLY_ACCESS_ID!, secret: 'wrong' } })).status !== 401,
  'errors-flat-on-404': async ({ api }) => !(await api.get('1000000000')).validation.valid,
  'error-code-string-on-400': async ({ api }) => typeof (await api.create({})).json.errors?.[0]?.code !== 'number',
  'create-response-omits-custom-data': async ({ api }) => !('customData' in (await created(api, { customData: { a: 1 } }))),
  'required-email-unchecked': async ({ api }) => (await api.create(customerBody({ email: undefined }))).status === 200,
  'driver-license-number-only': async ({ api }) => (await api.create(customerBody({ driverLicense: { number: 'N1' } }))).status === 200,
  'upsert-external-id-duplicates': async ({ api }) => {
    const first = await created(api);
    return (await created(api, { externalId: first.externalId })).customerId !== first.customerId;
  },
  'upsert-customer-id-ignored': async ({ api }) => {
    const first = await created(api);
    return (await created(api, { customerId: first.customerId, externalId: first.externalId })).customerId !== first.customerId;
  },
  'astral-chars-mangled': async ({ api }) => {
    const name = 'Emoji 🙂 and 𠀀';
    return (await api.get((await created(api, { name })).customerId)).json.customer.name !== name;
  },
  'name-truncated-64': async ({ api }) => {
    const name = 'N'.repeat(64) + ' the sixty-fifth and later characters';
    return (await api.get((await created(api, { name })).customerId)).json.customer.name !== name;
  },
  'customer-id-collision': async ({ api }) => {
    // 100 creates into 64 slots must collide; the correct mock keeps all 100 apart.
    const customers = [];
    for (let i = 0; i < 100; i++) customers.push(await created(api, { name: `Customer ${i}` }));
    for (const customer of customers) {
      const got = await api.get(customer.customerId);
      if (got.status !== 200 || got.json.customer.name !== customer.name) return true;
    }
    return false;
  },
  'get-unknown-400': async ({ api }) => (await api.get('1000000000')).status !== 404,
  'list-prefix-match': async ({ api }) => {
    const key = `prefix-${Date.now()}`;
    await created(api, { externalId: key });
    await created(api, { externalId: `${key}0` });
    return (await api.list({ externalId: key })).json.customers.length !== 1;
  },
  'list-customer-id-ignored': async ({ api }) => {
    const one = await created(api);
    await created(api);
    return (await api.list({ customerId: one.customerId })).json.customers.length !== 1;
  },
  'list-stale-after-update': async ({ api }) => {
    const one = await created(api);
    await api.list({ customerId: one.customerId });
    await api.update(one.customerId, customerBody({ name: 'Updated' }));
    return (await api.list({ customerId: one.customerId })).json.customers[0].name !== 'Updated';
  },
  'update-keeps-phone': async ({ api }) => {
    const one = await created(api);
    return (await api.update(one.customerId, customerBody({ phone: '+1 999' }))).json.customer.phone !== '+1 999';
  },
  'refused-update-applies-fields': async ({ api }) => {
    const one = await created(api);
    const refused = await api.update(one.customerId, { name: 'Sneaked In', phone: '+1 000' });
    return refused.status === 400 && (await api.get(one.customerId)).json.customer.name === 'Sneaked In';
  },
  'null-ignored': async ({ api }) => {
    const one = await created(api, { taxId: 'T1' });
    return 'taxId' in (await api.update(one.customerId, customerBody({ taxId: null }))).json.customer;
  },
  'timestamps-in-seconds': async ({ api }) => (await created(api)).createdAt < 1e12,
  'updated-at-frozen': async ({ api }) => {
    const one = await created(api);
    return (await api.update(one.customerId, customerBody())).json.customer.updatedAt <= one.updatedAt;
  },
  'created-at-reset': async ({ api, clock }) => {
    const one = await created(api);
    clock.advance(60_000);
    return (await api.update(one.customerId, customerBody())).json.customer.createdAt !== one.createdAt;
  },
  'update-takes-merchant-id': async ({ api }) => {
    const one = await created(api);
    return (await api.update(one.customerId, customerBody({ merchantId: '42' }))).json.customer.merchantId !== one.merchantId;
  },
  'other-merchant-reads-by-id': async ({ api }) => (await api.get((await created(api)).customerId, 'B')).status !== 404,
  'external-id-global-scope': async ({ api }) => {
    const mine = await created(api);
    await created(api, { externalId: mine.externalId, name: 'Merchant B' }, 'B');
    return (await api.get(mine.customerId)).json.customer.name !== mine.name;
  },
  'update-replaces-whole': async ({ api }) => {
    const one = await created(api, { taxId: 'T1' });
    return !('taxId' in (await api.update(one.customerId, customerBody())).json.customer);
  },
  'external-id-query-ignored': async ({ api }) => {
    const one = await created(api);
    const { externalId: _dropped, ...body } = customerBody();
    return (await api.create(body, { query: `?externalId=${encodeURIComponent(one.externalId)}` })).json.customer.customerId !== one.customerId;
  },
  'post-back-refused': async ({ api }) => {
    const one = await created(api);
    const fetched = (await api.get(one.customerId)).json.customer;
    return (await api.update(one.customerId, { ...fetched, name: 'Posted Back' })).status !== 200;
  },
  'update-finds-by-body-external-id': async ({ api }) => {
    const one = await created(api);
    const other = await created(api);
    await api.update(one.customerId, customerBody({ externalId: other.externalId, name: 'Path Named' }));
    return (await api.get(other.customerId)).json.customer.name === 'Path Named';
  },
  'null-required-kept': async ({ api }) => {
    const one = await created(api);
    return (await api.update(one.customerId, customerBody({ externalId: one.externalId, name: null }))).status === 200;
  },
  'wrong-typed-optional-dropped': async ({ api }) => (await api.create(customerBody({ enrollDate: 'yesterday' }))).status === 200,
  'unauthorized-code-100': async ({ mock }) =>
    (await send(mock, { method: 'GET', path: '/api/v1/customers', as: 'none' })).json.errors[0].code === 100,
  'server-error-on-malformed-id': async ({ mock }) => (await send(mock, { method: 'GET', path: '/api/v1/customers/abc' })).status >= 500,
  'put-updates': async ({ mock }) => {
    const api = trustlyApi(mock, false);
    const one = await created(api);
    return (await send(mock, { method: 'PUT', path: `/api/v1/customers/${one.customerId}`, json: customerBody({ name: 'Put' }) })).status === 200;
  },
};

async function observe(fault: TrustlyFaultName | undefined, scenario: Scenario): Promise<boolean> {
  const clock = manualClock(Date.now());
  const mock = await startTrustlyMock({ env: {}, clock: clock.now, ...(fault ? { fault } : {}) });
  try {
    return await scenario({ api: trustlyApi(mock, false), mock, clock });
  } finally {
    await mock.close();
  }
}

describe('Trustly mock faults', () => {
  it.each(TRUSTLY_FAULTS.map((f) => [f.name, f] as const))('%s deviates, and the correct mock does not', async (name) => {
    const scenario = SCENARIOS[name as TrustlyFaultName];
    expect(await observe(name as TrustlyFaultName, scenario), 'with the fault').toBe(true);
    expect(await observe(undefined, scenario), 'without the fault').toBe(false);
  });

  it('has a scenario for exactly the faults of the catalogue', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(TRUSTLY_FAULTS.map((f) => f.name).sort());
  });

  it('names valid, distinct, kebab-case faults of vendor trustly, each targeting catalogue rules with a description', async () => {
    const { rules } = await loadVendorSpec('trustly');
    const ids = new Set(rules.map((r) => r.id));
    expect(new Set(TRUSTLY_FAULTS.map((f) => f.name)).size).toBe(TRUSTLY_FAULTS.length);
    for (const fault of TRUSTLY_FAULTS) {
      expect(fault.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(fault.vendor).toBe('trustly');
      expect(fault.description).toMatch(/^\S.*\.$/);
      for (const rule of fault.rules) expect(ids.has(rule), `${fault.name}: ${rule}`).toBe(true);
    }
  });

  it('targets every MUST and SHOULD rule a server can break', async () => {
    const { rules } = await loadVendorSpec('trustly');
    const targeted = new Set(TRUSTLY_FAULTS.flatMap((f) => f.rules));
    const firsts = new Set(TRUSTLY_FAULTS.map((f) => f.rules[0]));
    expect(rules.filter((r) => r.level !== 'observed' && !targeted.has(r.id)).map((r) => r.id)).toEqual([]);
    // Every rule but the stateful model (which every fault touches) is some fault's first target.
    expect(rules.filter((r) => r.level !== 'observed' && r.id !== 'trustly.model.stateful' && !firsts.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('rejects an unknown fault with an Error listing the valid names', async () => {
    await expect(startTrustlyMock({ env: {}, fault: 'no-such-fault' })).rejects.toThrow(/unknown trustly fault "no-such-fault"; valid: auth-optional, /);
  });
});
