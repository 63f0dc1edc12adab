import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './timestamps.ts';

describe('parseTimestamp', () => {
  it('reads RFC 3339 date-times with their resolution', () => {
    expect(parseTimestamp('2025-01-21T14:30:00Z')).toEqual({ ms: Date.UTC(2025, 0, 21, 14, 30), resolutionMs: 1000 });
    expect(parseTimestamp('2025-01-21T14:30:00.017Z')).toEqual({ ms: Date.UTC(2025, 0, 21, 14, 30, 0, 17), resolutionMs: 1 });
    expect(parseTimestamp('2025-01-21T15:30:00+01:00')?.ms).toBe(Date.UTC(2025, 0, 21, 14, 30));
  });

  it('refuses what is not one', () => {
    for (const bad of ['2025-01-21 14:30:00', '2025-02-30T00:00:00Z', '2025-01-21T14:30:00', 'yesterday', 1737469800]) expect(parseTimestamp(bad)).toBeUndefined();
  });
});
