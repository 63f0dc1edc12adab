import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HawkNonceCache } from './hawk-nonce-cache.ts';

describe('HawkNonceCache', () => {
  it('refuses a nonce seen before for the same key and ts, and only that', () => {
    const cache = new HawkNonceCache(60);
    expect(cache.use('k', 1000, 'n1', 1000)).toBe(true);
    expect(cache.use('k', 1000, 'n1', 1001)).toBe(false);
    expect(cache.use('k', 1001, 'n1', 1001)).toBe(true);
    expect(cache.use('other', 1000, 'n1', 1001)).toBe(true);
    expect(cache.use('k', 1000, 'n2', 1001)).toBe(true);
  });

  it('forgets entries once their timestamp has left the window', () => {
    const cache = new HawkNonceCache(60);
    cache.use('k', 1000, 'a', 1000);
    cache.use('k', 1030, 'b', 1030);
    expect(cache.use('k', 1060, 'c', 1061)).toBe(true);
    expect(cache.size).toBe(2);
    expect(cache.use('k', 1000, 'a', 1061)).toBe(true);
  });

  it('holds at most its capacity, dropping the oldest', () => {
    const cache = new HawkNonceCache(60, 3);
    for (const nonce of ['a', 'b', 'c', 'd']) cache.use('k', 1000, nonce, 1000);
    expect(cache.size).toBe(3);
    expect(cache.use('k', 1000, 'd', 1000)).toBe(false);
    expect(cache.use('k', 1000, 'a', 1000)).toBe(true);
  });
});

describe('HawkNonceCache against a plain queue (the mock side of trustist.auth.replay)', () => {
  /** The documented behaviour, written the slow and obvious way. */
  function queueModel(windowSec: number, capacity: number) {
    const queue: { key: string; expires: number }[] = [];
    return {
      use(id: string, ts: number, nonce: string, nowSec: number): boolean {
        while (queue.length > 0 && queue[0]!.expires < nowSec) queue.shift();
        const key = `${id}\n${ts}\n${nonce}`;
        if (queue.some((entry) => entry.key === key)) return false;
        if (queue.length >= capacity) queue.shift();
        queue.push({ key, expires: ts + windowSec });
        return true;
      },
      get size() {
        return queue.length;
      },
    };
  }

  const request = fc.record({ id: fc.constantFrom('k', 'j'), age: fc.nat(4), nonce: fc.constantFrom('a', 'b', 'c', 'd'), advance: fc.nat(2) });

  it('answers every request as the queue does, through drops, expiry and compaction', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 40 }), fc.nat(8), fc.array(request, { maxLength: 300 }), (windowSec, capacity, compactAfter, requests) => {
        const cache = new HawkNonceCache(windowSec, capacity, compactAfter);
        const model = queueModel(windowSec, capacity);
        let now = 1000;
        return requests.every(({ id, age, nonce, advance }) => {
          now += advance;
          return cache.use(id, now - age, nonce, now) === model.use(id, now - age, nonce, now) && cache.size === model.size;
        });
      }),
      { numRuns: 200 },
    );
  });
});
