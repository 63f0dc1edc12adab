import { describe, expect, it } from 'vitest';
import { belowBasePath, normaliseBasePath } from './http-kit.ts';

describe('serving under a base path', () => {
  it('normalises what a user gives', () => {
    expect(normaliseBasePath(undefined)).toBe('');
    expect(normaliseBasePath('/')).toBe('');
    expect(normaliseBasePath('some/prefix/')).toBe('/some/prefix');
  });

  it('routes the target below the prefix, and nothing outside it', () => {
    expect(belowBasePath('/v1/customers?orgId=a', '')).toBe('/v1/customers?orgId=a');
    expect(belowBasePath('/some/prefix/v1/customers?orgId=a', '/some/prefix')).toBe('/v1/customers?orgId=a');
    expect(belowBasePath('/some/prefix', '/some/prefix')).toBe('/');
    expect(belowBasePath('/some/prefix?x=1', '/some/prefix')).toBe('/?x=1');
    expect(belowBasePath('/some/prefixed/v1/customers', '/some/prefix')).toBeUndefined();
    expect(belowBasePath('/v1/customers', '/some/prefix')).toBeUndefined();
  });
});
