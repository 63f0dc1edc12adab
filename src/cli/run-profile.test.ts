import { describe, expect, it } from 'vitest';
import { parseRunOptions, RUN_HELP } from './run-options.ts';
import { UsageError } from './usage-error.ts';

describe('conform run --profile', () => {
  it('takes a profile for the embedded mocks, and refuses it with --target', () => {
    expect(parseRunOptions(['--vendor', 'trustly', '--profile', 'reports/live']).profile).toBe('reports/live');
    expect(parseRunOptions(['--vendor', 'trustly']).profile).toBeUndefined();
    expect(() => parseRunOptions(['--vendor', 'trustly', '--target', 'http://127.0.0.1:9', '--profile', 'reports/live'])).toThrow(UsageError);
    expect(() => parseRunOptions(['--vendor', 'trustly', '--target', 'http://127.0.0.1:9', '--profile', 'reports/live'])).toThrow(/--profile calibrates the embedded mocks/);
    expect(RUN_HELP).toMatch(/--profile RESULTS/);
  });
});
