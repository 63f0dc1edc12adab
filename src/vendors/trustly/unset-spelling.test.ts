import { describe, expect, it } from 'vitest';
import { unsetSpellings } from './unset-spelling.ts';

describe('unsetSpellings', () => {
  it('says whether the optional properties without a value are left out or written as null', () => {
    const stored = { name: 'Joe', taxId: '123' };
    expect([...unsetSpellings(stored, { name: 'Joe', taxId: '123' })]).toEqual(['left out']);
    const nulls = Object.fromEntries(['dateOfBirth', 'externalId', 'enrollDate', 'vip', 'currency', 'balance', 'organizationNumber', 'externalTier', 'personId', 'nationalId', 'customData', 'driverLicense'].map((k) => [k, null]));
    expect([...unsetSpellings(stored, { name: 'Joe', taxId: '123', ...nulls })]).toEqual(['null']);
    expect([...unsetSpellings(stored, { name: 'Joe', taxId: '123', vip: null })].sort()).toEqual(['left out', 'null']);
  });
});
