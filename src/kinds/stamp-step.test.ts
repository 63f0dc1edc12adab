import { describe, expect, it } from 'vitest';
import { stampStepMs } from './stamp-step.ts';

describe('stampStepMs: the waits of trustist.customers.update.timestamps and trustist.customers.update.empty-body', () => {
  it('reads the step from the last non-zero digit of the fraction', () => {
    expect(stampStepMs('2026-12-02T01:44:33Z')).toBe(1000);
    expect(stampStepMs('2026-12-02T01:44:33.000Z')).toBe(1000);
    expect(stampStepMs('2026-12-02T01:44:33.500+00:00')).toBe(100);
    expect(stampStepMs('2026-12-02T01:44:33.120Z')).toBe(10);
    expect(stampStepMs('2026-12-02T01:44:33.123Z')).toBe(1);
    expect(stampStepMs('2026-12-02T01:44:33.1234567Z')).toBe(1);
    expect(stampStepMs('2026-12-02T01:44:33.000100Z')).toBe(1);
  });

  it('waits a second for anything that is not a stamp', () => {
    expect(stampStepMs(undefined)).toBe(1000);
    expect(stampStepMs(1_764_640_000)).toBe(1000);
    expect(stampStepMs('yesterday')).toBe(1000);
  });
});
