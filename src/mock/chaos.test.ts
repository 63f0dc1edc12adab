import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { basicSigner, hawkSigner } from '../auth/index.ts';
import { HttpSession } from '../http/http-session.ts';
import { exchange } from '../http/exchange.ts';
import { ChaosDecider, type ChaosAction } from './chaos.ts';
import type { ChaosOptions } from './chaos-options.ts';
import { startMock, type RunningMock } from './start-mock.ts';

// The chaos layer: each option does what it says, from the seeded decisions up to the wire, and
// nothing it refuses or drops reaches the mock's store.

function decisions(options: ChaosOptions, n: number, now?: () => number) {
  const decider = new ChaosDecider(options, now);
  return Array.from({ length: n }, () => decider.decide());
}

const share = (actions: ChaosAction[], action: ChaosAction) => actions.filter((a) => a === action).length / actions.length;

describe('ChaosDecider', () => {
  it('gives the same decisions for the same seed, and others for another seed', () => {
    const options = { latencyMs: { min: 0, max: 1000 }, failRate: 0.3, dropRate: 0.2, seed: 42 };
    expect(decisions(options, 200)).toEqual(decisions(options, 200));
    expect(decisions({ ...options, seed: 43 }, 200)).not.toEqual(decisions(options, 200));
  });

  it('decides request k the same for a seed whatever options are set: each request draws the same numbers', () => {
    const failing = decisions({ failRate: 0.5, seed: 9 }, 100).map((d) => d.action === 'fail');
    const withLatency = decisions({ failRate: 0.5, latencyMs: { min: 1, max: 9 }, seed: 9 }, 100).map((d) => d.action === 'fail');
    expect(withLatency).toEqual(failing);
  });

  it('without a seed picks one and reports it; that seed replays the same decisions', () => {
    const decider = new ChaosDecider({ failRate: 0.5, latencyMs: { min: 0, max: 100 } });
    const first = Array.from({ length: 50 }, () => decider.decide());
    expect(decisions({ failRate: 0.5, latencyMs: { min: 0, max: 100 }, seed: decider.seed }, 50)).toEqual(first);
  });

  it('--latency: a fixed delay, or whole milliseconds spread over the whole of MIN..MAX', () => {
    expect(new Set(decisions({ latencyMs: 25, seed: 1 }, 50).map((d) => d.delayMs))).toEqual(new Set([25]));
    const spread = decisions({ latencyMs: { min: 5, max: 8 }, seed: 1 }, 400).map((d) => d.delayMs);
    expect(new Set(spread)).toEqual(new Set([5, 6, 7, 8]));
    expect(decisions({ failRate: 0.5, seed: 1 }, 20).every((d) => d.delayMs === 0)).toBe(true);
  });

  it('--fail-rate and --drop-rate: never at 0, always at 1, about P of the requests in between', () => {
    expect(decisions({ failRate: 0, dropRate: 0, seed: 3 }, 100).every((d) => d.action === 'serve')).toBe(true);
    expect(decisions({ failRate: 1, seed: 3 }, 100).every((d) => d.action === 'fail' && d.retryAfterSec === 1)).toBe(true);
    expect(decisions({ dropRate: 1, failRate: 1, seed: 3 }, 100).every((d) => d.action === 'drop')).toBe(true);
    const actions = decisions({ failRate: 0.2, dropRate: 0.1, seed: 5 }, 4000).map((d) => d.action);
    expect(share(actions, 'drop')).toBeCloseTo(0.1, 1);
    // A dropped request is never also failed: the 503s are 20% of the rest.
    expect(share(actions, 'fail') / (1 - share(actions, 'drop'))).toBeCloseTo(0.2, 1);
  });

  it("--rate-limit: a bucket of one second's worth, then 429 with the seconds until the next token, refilled with time", () => {
    let now = 1_000;
    const decider = new ChaosDecider({ rateLimit: 5, seed: 1 }, () => now);
    const burst = Array.from({ length: 7 }, () => decider.decide());
    expect(burst.map((d) => d.action)).toEqual(['serve', 'serve', 'serve', 'serve', 'serve', 'rate-limit', 'rate-limit']);
    expect(burst[5]!.retryAfterSec).toBe(1);
    now += 200; // one token at 5/s
    expect([decider.decide().action, decider.decide().action]).toEqual(['serve', 'rate-limit']);
    now += 60_000; // the bucket holds no more than one second's worth however long it rests
    expect(Array.from({ length: 6 }, () => decider.decide().action).filter((a) => a === 'serve')).toHaveLength(5);
  });

  it('--rate-limit below one a second: a bucket of one request, and Retry-After covers the wait', () => {
    let now = 0;
    const decider = new ChaosDecider({ rateLimit: 0.25, seed: 1 }, () => now);
    expect(decider.decide().action).toBe('serve');
    expect(decider.decide()).toMatchObject({ action: 'rate-limit', retryAfterSec: 4 });
    now += 4_000;
    expect(decider.decide().action).toBe('serve');
  });

  it('a dropped request takes no token; a refused one neither', () => {
    const now = () => 0;
    const dropped = new ChaosDecider({ rateLimit: 2, dropRate: 1, seed: 1 }, now);
    for (let i = 0; i < 5; i++) dropped.decide();
    const decider = new ChaosDecider({ rateLimit: 2, seed: 1 }, now);
    expect(Array.from({ length: 4 }, () => decider.decide().action)).toEqual(['serve', 'serve', 'rate-limit', 'rate-limit']);
  });

  it('refuses options given in code that it cannot take, naming the option', () => {
    expect(() => new ChaosDecider({ failRate: 1.5 })).toThrow(/chaos\.failRate must be a probability from 0 to 1, not 1\.5/);
    expect(() => new ChaosDecider({ dropRate: -0.1 })).toThrow(/chaos\.dropRate/);
    expect(() => new ChaosDecider({ rateLimit: 0 })).toThrow(/chaos\.rateLimit must be requests per second, more than 0/);
    expect(() => new ChaosDecider({ latencyMs: { min: 9, max: 3 } })).toThrow(/chaos\.latencyMs/);
    expect(() => new ChaosDecider({ latencyMs: 1.5 })).toThrow(/chaos\.latencyMs/);
    expect(() => new ChaosDecider({ seed: -1 })).toThrow(/chaos\.seed/);
  });
});

describe('the chaos layer in front of each mock', () => {
  let mocks: RunningMock[] = [];
  let session: HttpSession;
  beforeEach(() => {
    // The refusals are what is under test here: the client reports them instead of retrying.
    session = new HttpSession({ maxRetries: 0 });
  });
  afterEach(async () => {
    await Promise.all(mocks.map((m) => m.close()));
    mocks = [];
  });
  const start = async (vendor: 'trustist' | 'trustly', chaos: ChaosOptions, clock?: () => number) => {
    const mock = await startMock(vendor, { env: {}, chaos, ...(clock ? { clock } : {}) });
    mocks.push(mock);
    return mock;
  };
  const create = (mock: RunningMock) =>
    mock.vendor === 'trustist'
      ? exchange({ session, baseUrl: mock.url, method: 'POST', path: '/v1/customers', json: { firstName: 'Test Ann' }, signer: hawkSigner, credentials: { id: mock.credentials.TRUSTIST_KEY_ID!, secret: mock.credentials.TRUSTIST_KEY_SECRET! } })
      : exchange({
          session,
          baseUrl: mock.url,
          method: 'POST',
          path: '/api/v1/customers',
          json: { name: 'Test Ann', email: 'ann@example.com', phone: '+15555550100', address: { country: 'US' } },
          signer: basicSigner,
          credentials: { id: mock.credentials.TRUSTLY_ACCESS_ID!, secret: mock.credentials.TRUSTLY_ACCESS_KEY! },
        });

  it('--rate-limit: beyond the limit a 429 with Retry-After in the vendor error shape, and the refused create stores nothing', async () => {
    for (const vendor of ['trustist', 'trustly'] as const) {
      // The mock's clock stands still: the bucket cannot refill between the two creates, however slow the machine.
      const at = Date.now();
      const mock = await start(vendor, { rateLimit: 1, seed: 1 }, () => at);
      expect((await create(mock)).response?.status, vendor).toBe(vendor === 'trustist' ? 201 : 200);
      const before = JSON.stringify(mock.snapshot());
      const refused = await create(mock);
      expect(refused.response?.status, vendor).toBe(429);
      expect(refused.response?.headers['retry-after'], vendor).toBe('1');
      expect(refused.response?.json, vendor).toEqual(
        vendor === 'trustist'
          ? { error: 'rate_limited', message: expect.stringMatching(/at most 1 a second/) }
          : { errors: [{ domain: 'com.trustly.request', code: 100, message: expect.stringMatching(/at most 1 a second/) }] },
      );
      expect(JSON.stringify(mock.snapshot()), vendor).toBe(before);
      expect(mock.chaos?.counts(), vendor).toMatchObject({ requests: 2, served: 1, rateLimited: 1 });
    }
  });

  it('--fail-rate 1: every request a 503 with Retry-After in the vendor error shape, the store untouched', async () => {
    for (const vendor of ['trustist', 'trustly'] as const) {
      const mock = await start(vendor, { failRate: 1 });
      const before = JSON.stringify(mock.snapshot());
      const failed = await create(mock);
      expect(failed.response?.status, vendor).toBe(503);
      expect(failed.response?.headers['retry-after'], vendor).toBe('1');
      const json = failed.response?.json as Record<string, unknown>;
      if (vendor === 'trustist') expect(json).toMatchObject({ error: 'service_unavailable' });
      else expect(json).toMatchObject({ errors: [{ domain: 'com.trustly.internal', code: 100 }] });
      expect(JSON.stringify(mock.snapshot()), vendor).toBe(before);
    }
  });

  it('--drop-rate 1: the connection is reset without an answer; the client retries a GET and reports it, never retries a POST', async () => {
    const mock = await start('trustly', { dropRate: 1 });
    const before = JSON.stringify(mock.snapshot());
    const post = await create(mock);
    expect(post.response).toBeUndefined();
    expect(post.error).toMatch(/^(ECONNRESET|UND_ERR_SOCKET): /);
    expect(JSON.stringify(mock.snapshot())).toBe(before);
    session = new HttpSession({ maxRetries: 2, backoffBaseMs: 1 });
    const credentials = { id: mock.credentials.TRUSTLY_ACCESS_ID!, secret: mock.credentials.TRUSTLY_ACCESS_KEY! };
    const get = await exchange({ session, baseUrl: mock.url, method: 'GET', path: '/api/v1/customers/1', signer: basicSigner, credentials });
    expect(get.error).toMatch(/^(ECONNRESET|UND_ERR_SOCKET): .*\(3 tries\)$/);
    expect(mock.chaos?.counts()).toMatchObject({ requests: 4, dropped: 4, served: 0 });
  });

  it('--latency: the answer comes no sooner than the delay, and is the mock\'s own', async () => {
    const mock = await start('trustist', { latencyMs: { min: 150, max: 200 } });
    const started = performance.now();
    const answer = await create(mock);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(answer.response?.status).toBe(201);
    expect(mock.chaos?.counts()).toMatchObject({ requests: 1, served: 1 });
  });

  it('the same seed gives the same answers, request by request, on the wire', async () => {
    const statuses = async () => {
      const mock = await start('trustly', { failRate: 0.5, seed: 2024 });
      const seen: (number | undefined)[] = [];
      for (let i = 0; i < 16; i++) seen.push((await create(mock)).response?.status);
      return seen;
    };
    const first = await statuses();
    expect(new Set(first)).toEqual(new Set([200, 503]));
    expect(await statuses()).toEqual(first);
  });

  it('reports its seed and says what it does; a mock without chaos has no layer', async () => {
    const mock = await start('trustly', { latencyMs: { min: 1, max: 3 }, rateLimit: 20, failRate: 0.1, dropRate: 0.05, seed: 7 });
    expect(mock.chaos?.seed).toBe(7);
    expect(mock.chaos?.description).toBe(
      'chaos (--chaos-seed 7): latency 1..3 ms before each answer; rate limit 20/s (429 with Retry-After beyond it); fail rate 0.1 (503 with Retry-After); drop rate 0.05 (connection reset, no answer)',
    );
    const plain = await startMock('trustly', { env: {} });
    mocks.push(plain);
    expect(plain.chaos).toBeUndefined();
    await expect(startMock('trustist', { env: {}, chaos: { failRate: 2 } })).rejects.toThrow(/chaos\.failRate/);
  });
});
