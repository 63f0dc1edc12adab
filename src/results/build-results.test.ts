import { describe, expect, it } from 'vitest';
import type { RuleOutcome } from './rule-outcome.ts';
import { buildResults } from './build-results.ts';
import { ledgerOf } from './results.ts';
import { validateResults } from './validate-results.ts';

const RUN = { vendor: 'trustist', target: 'http://127.0.0.1:1', embedded: false, seed: 1, runs: 10, runId: 'abc', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 5, toolVersion: '0.1.0' } as const;

function outcome(id: string, created: string[], owners?: Record<string, string>): RuleOutcome {
  return {
    id,
    vendor: 'trustist',
    level: 'MUST',
    title: id,
    source: { documents: ['x'], statement: 'x' },
    status: 'passed',
    seed: 1,
    exchanges: [],
    exchangeCount: 0,
    created,
    ...(owners ? { owners } : {}),
    durationMs: 1,
  };
}

describe('the ledger of created records (results.json 1.2)', () => {
  it('lists each created id once with its owning role, unscrubbed, and keeps owners out of the rules', async () => {
    const document = buildResults(RUN, [
      outcome('trustist.a.one', ['c1', 'c2'], { c1: 'tenantA', c2: 'tenantB' }),
      outcome('trustist.a.two', ['c2', 'c3'], { c2: 'tenantB' }),
    ]);
    expect(document.version).toBe('1.2');
    expect(document.created).toEqual([
      { id: 'c1', owner: 'tenantA', scrubbed: false },
      { id: 'c2', owner: 'tenantB', scrubbed: false },
      { id: 'c3', owner: 'unknown', scrubbed: false },
    ]);
    expect(document.rules.some((r) => 'owners' in r)).toBe(false);
    expect(await validateResults(document)).toEqual([]);
  });

  it('reads the ids of a 1.1 document as a ledger of unknown owners', async () => {
    const old = { ...buildResults(RUN, [outcome('trustist.a.one', ['c1'])]), version: '1.1' as const, created: ['c1'] };
    expect(await validateResults(old)).toEqual([]);
    expect(ledgerOf(old)).toEqual([{ id: 'c1', owner: 'unknown', scrubbed: false }]);
  });
});
