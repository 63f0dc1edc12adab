import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { limitConcurrency } from './limit-concurrency.ts';

describe('limitConcurrency', () => {
  it('runs at most n tasks at once, all of them, in the order given', async () => {
    const slot = limitConcurrency(2);
    let active = 0;
    let most = 0;
    const order: number[] = [];
    const results = await Promise.all(
      [5, 1, 3, 1, 2].map((ms, i) =>
        slot(async () => {
          order.push(i);
          most = Math.max(most, ++active);
          await sleep(ms);
          active--;
          return i;
        }),
      ),
    );
    expect(results).toEqual([0, 1, 2, 3, 4]);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it('frees the slot of a task that fails', async () => {
    const slot = limitConcurrency(1);
    await expect(slot(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slot(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('refuses a concurrency below 1', () => {
    expect(() => limitConcurrency(0)).toThrow(/at least 1/);
  });
});
