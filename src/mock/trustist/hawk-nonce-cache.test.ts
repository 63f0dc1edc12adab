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
