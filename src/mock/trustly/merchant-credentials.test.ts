import { afterEach, describe, expect, it } from 'vitest';
import type { RunningMock } from '../mock-types.ts';
import { startTrustlyMock } from './start-trustly-mock.ts';
import { customerBody, send, trustlyApi } from '../../testing/trustly-test-kit.ts';

// Credentials come from the environment when set (design.md), and are generated otherwise.

const ENV = {
  TRUSTLY_ACCESS_ID: 'sandboxMerchantA',
  TRUSTLY_ACCESS_KEY: 'key-of-merchant-a',
  TRUSTLY_MERCHANT_B_ACCESS_ID: 'sandboxMerchantB',
  TRUSTLY_MERCHANT_B_ACCESS_KEY: 'key-of-merchant-b',
};

const started: RunningMock[] = [];
async function start(options: Parameters<typeof startTrustlyMock>[0]) {
  const mock = await startTrustlyMock(options);
  started.push(mock);
  return mock;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((m) => m.close()));
});

describe('Trustly mock credentials', () => {
  it('uses the credentials options.env carries, and they work for both merchants', async () => {
    const mock = await start({ env: ENV });
    expect(mock.credentials).toEqual(ENV);
    const api = trustlyApi(mock);
    const a = await api.create(customerBody(), { as: { id: ENV.TRUSTLY_ACCESS_ID, secret: ENV.TRUSTLY_ACCESS_KEY } });
    const b = await api.create(customerBody(), { as: { id: ENV.TRUSTLY_MERCHANT_B_ACCESS_ID, secret: ENV.TRUSTLY_MERCHANT_B_ACCESS_KEY } });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.json.customer.merchantId).not.toBe(b.json.customer.merchantId);
    const wrong = await send(mock, { method: 'GET', path: '/api/v1/customers', as: { id: ENV.TRUSTLY_ACCESS_ID, secret: ENV.TRUSTLY_MERCHANT_B_ACCESS_KEY } });
    expect(wrong.status).toBe(401);
  });

  it('reads process.env when options.env is not given', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, ENV);
    try {
      const mock = await start({});
      expect(mock.credentials).toEqual(ENV);
    } finally {
      for (const key of Object.keys(ENV)) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
  });

  it('generates vendor-like credentials when none are set, different for each merchant and each start', async () => {
    const one = await start({ env: {} });
    const two = await start({ env: {} });
    for (const mock of [one, two]) {
      expect(Object.keys(mock.credentials).sort()).toEqual(Object.keys(ENV).sort());
      expect(mock.credentials.TRUSTLY_ACCESS_ID).toMatch(/^conform[a-z0-9]{14}$/);
      expect(mock.credentials.TRUSTLY_ACCESS_KEY).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(mock.credentials.TRUSTLY_ACCESS_ID).not.toBe(mock.credentials.TRUSTLY_MERCHANT_B_ACCESS_ID);
    }
    expect(one.credentials.TRUSTLY_ACCESS_KEY).not.toBe(two.credentials.TRUSTLY_ACCESS_KEY);
    const merchantId = (await trustlyApi(one).create(customerBody())).json.customer.merchantId;
    expect(merchantId).toMatch(/^100[0-9]{7}$/);
  });

  it('fills in only the variables that are missing or empty', async () => {
    const mock = await start({ env: { TRUSTLY_ACCESS_ID: 'onlyTheId', TRUSTLY_ACCESS_KEY: '' } });
    expect(mock.credentials.TRUSTLY_ACCESS_ID).toBe('onlyTheId');
    expect(mock.credentials.TRUSTLY_ACCESS_KEY).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await trustlyApi(mock).list()).status).toBe(200);
  });

  it('keeps a merchant\'s merchantId across restarts with the same accessId', async () => {
    const first = (await trustlyApi(await start({ env: ENV })).create(customerBody())).json.customer.merchantId;
    const second = (await trustlyApi(await start({ env: ENV })).create(customerBody())).json.customer.merchantId;
    expect(first).toBe(second);
  });

  it('refuses credentials that cannot work: an accessId with a colon, or one accessId for both merchants', async () => {
    await expect(startTrustlyMock({ env: { TRUSTLY_ACCESS_ID: 'a:b' } })).rejects.toThrow(/TRUSTLY_ACCESS_ID must not contain ":"/);
    await expect(startTrustlyMock({ env: { TRUSTLY_ACCESS_ID: 'same', TRUSTLY_MERCHANT_B_ACCESS_ID: 'same' } })).rejects.toThrow(/must differ/);
  });

  it('reports its vendor and url, and closes with keep-alive connections open', async () => {
    const mock = await startTrustlyMock({ env: {} });
    expect(mock.vendor).toBe('trustly');
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.fault).toBeUndefined();
    await trustlyApi(mock).list();
    await mock.close();
    const after = await fetch(`${mock.url}/api/v1/customers`).then(
      () => 'answered',
      () => 'refused',
    );
    expect(after).toBe('refused');
  });
});
