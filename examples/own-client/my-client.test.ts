// A test suite of your own client against the Trustly reference mock, started from code with a
// fault and chaos options. Run it from the repository's root:
//   node --import tsx --test examples/own-client/my-client.test.ts
// In a vitest suite the same code works with vitest's describe/it/beforeAll/afterAll.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startMock, type RunningMock } from '../../src/mock/start-mock.ts';

// ---- The client under test: yours. This one retries a 429 or 503 after its Retry-After, and a
// GET whose connection was reset; it reads the documented error list and, for robustness, a
// flat { error } body too.
class TrustlyClient {
  constructor(
    private readonly baseUrl: string,
    private readonly accessId: string,
    private readonly accessKey: string,
  ) {}

  async createCustomer(customer: object): Promise<{ customerId: string }> {
    const body = await this.send('POST', '/api/v1/customers', customer);
    return (body as { customer: { customerId: string } }).customer;
  }

  async getCustomer(customerId: string): Promise<unknown> {
    return this.send('GET', `/api/v1/customers/${encodeURIComponent(customerId)}`);
  }

  private async send(method: string, path: string, json?: object, tries = 4): Promise<unknown> {
    const headers: Record<string, string> = { authorization: `Basic ${Buffer.from(`${this.accessId}:${this.accessKey}`).toString('base64')}` };
    if (json) headers['content-type'] = 'application/json';
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(new URL(path, this.baseUrl), { method, headers, ...(json ? { body: JSON.stringify(json) } : {}) });
      } catch (error) {
        // A reset connection: safe to send again only when the request is idempotent.
        if (method === 'GET' && attempt < tries) continue;
        throw error;
      }
      if ((response.status === 429 || response.status === 503) && attempt < tries) {
        await sleep(Number(response.headers.get('retry-after') ?? '1') * 1000);
        continue;
      }
      const body = (await response.json()) as { errors?: { message: string }[]; error?: string };
      if (!response.ok) throw new Error(`${response.status}: ${body.errors?.[0]?.message ?? body.error ?? 'no message'}`);
      return body;
    }
  }
}

// ---- The tests.
const CUSTOMER = { name: 'Test Ann', email: 'ann@example.com', phone: '+15555550100', address: { country: 'US' } };

function clientOf(mock: RunningMock): TrustlyClient {
  return new TrustlyClient(mock.url, mock.credentials.TRUSTLY_ACCESS_ID!, mock.credentials.TRUSTLY_ACCESS_KEY!);
}

describe('my Trustly client against a slow, rate-limited vendor', () => {
  let mock: RunningMock;
  before(async () => {
    mock = await startMock('trustly', { env: {}, chaos: { latencyMs: { min: 5, max: 20 }, rateLimit: 2 } });
  });
  after(() => mock.close());

  it('creates customers and reads them back through the 429s', async () => {
    const client = clientOf(mock);
    for (let i = 0; i < 4; i++) {
      const { customerId } = await client.createCustomer(CUSTOMER);
      assert.equal((await client.getCustomer(customerId) as { customer: { customerId: string } }).customer.customerId, customerId);
    }
    assert.ok(mock.chaos!.counts().rateLimited > 0, 'the client met the rate limit');
  });
});

describe('my Trustly client against a vendor that resets connections', () => {
  let mock: RunningMock;
  before(async () => {
    // Seeded: every run of this test meets the same resets in the same order.
    mock = await startMock('trustly', { env: {}, chaos: { dropRate: 0.3, seed: 7 } });
  });
  after(() => mock.close());

  it('gets the answer to a read through the resets', async () => {
    for (let i = 0; i < 6; i++) await assert.rejects(clientOf(mock).getCustomer('1234567890'), /^Error: 404: /);
    assert.ok(mock.chaos!.counts().dropped > 0, 'the client met resets');
  });
});

describe('my Trustly client against a vendor that deviates from its docs', () => {
  let mock: RunningMock;
  before(async () => {
    // `npx conform mock trustly --list-faults` lists every fault and what it does.
    mock = await startMock('trustly', { env: {}, fault: 'errors-flat-on-404' });
  });
  after(() => mock.close());

  it('still reports a 404 with its message when the body is { error } instead of the errors list', async () => {
    await assert.rejects(clientOf(mock).getCustomer('1234567890'), /^Error: 404: No customer with customerId "1234567890"/);
  });
});
