import { describe, expect, it } from 'vitest';
import type { VendorRun } from './conformance-context.ts';
import { workerSession } from './worker-session.ts';

const run: VendorRun = { vendor: 'trustist', baseUrl: 'http://127.0.0.1:1', env: {}, seed: 1, runs: 1, runId: 'ws1', timeoutMs: 1000, embedded: true, maxWrites: 3, rps: 2 };

describe('workerSession', () => {
  it('hands every check of a run the same session, so what one spends the next cannot spend again', () => {
    const first = workerSession(run);
    first.writes = 3;
    expect(workerSession({ ...run })).toBe(first);
    expect(workerSession(run).writes).toBe(3);
    expect(first.limits).toMatchObject({ maxWrites: 3, rps: 2 });
  });

  it('gives another run a session of its own', () => {
    expect(workerSession({ ...run, runId: 'ws2' })).not.toBe(workerSession(run));
  });
});
