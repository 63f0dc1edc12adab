import { describe, expect, it } from 'vitest';
import { noteServerError, serverErrorsSeen } from './server-error-tally.ts';

describe('the run-wide tally of 5xx answers', () => {
  it('keeps runs and targets apart, and counts past the ones it keeps', () => {
    const run = { runId: 'tally-a', baseUrl: 'http://127.0.0.1:1' };
    const other = { runId: 'tally-a', baseUrl: 'http://127.0.0.1:2' };
    for (let i = 0; i < 60; i++) noteServerError(run, { rule: 'x.y', method: 'GET', url: `${run.baseUrl}/${i}`, status: 500 });
    expect(serverErrorsSeen(run).count).toBe(60);
    expect(serverErrorsSeen(run).kept.length).toBe(50);
    expect(serverErrorsSeen(other)).toEqual({ count: 0, kept: [] });
    expect(serverErrorsSeen({ runId: 'tally-b', baseUrl: run.baseUrl }).count).toBe(0);
  });
});
