import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelayMs } from './retry-delay.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it('reads delta-seconds and HTTP dates, and ignores the unreadable', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now)).toBe(0); // in the past: now
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  const base = { baseMs: 250, capMs: 30_000 };
  it('honours Retry-After, adding at most 10%', () => {
    expect(retryDelayMs({ ...base, retry: 0, retryAfter: '2', random: () => 0 })).toBe(2000);
    expect(retryDelayMs({ ...base, retry: 0, retryAfter: '2', random: () => 1 })).toBe(2200);
  });
  it('caps a long Retry-After', () => {
    expect(retryDelayMs({ ...base, retry: 0, retryAfter: '3600', random: () => 0.5 })).toBe(30_000);
  });
  it('backs off exponentially with 50–100% jitter without one', () => {
    expect(retryDelayMs({ ...base, retry: 0, random: () => 1 })).toBe(250);
    expect(retryDelayMs({ ...base, retry: 2, random: () => 1 })).toBe(1000);
    expect(retryDelayMs({ ...base, retry: 2, random: () => 0 })).toBe(500);
    expect(retryDelayMs({ ...base, retry: 20, random: () => 1 })).toBe(30_000);
  });
});
