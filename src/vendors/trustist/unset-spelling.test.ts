import { describe, expect, it } from 'vitest';
import { zoneSpelling } from './timestamps.ts';
import { unsetSpellings } from './unset-spelling.ts';

describe('unsetSpellings', () => {
  it('says whether the fields without a value are left out or written as null, the address included', () => {
    const stored = { firstName: 'Ann', address: { city: 'Leeds' } };
    expect([...unsetSpellings(stored, { id: 'x', firstName: 'Ann', address: { city: 'Leeds' } })]).toEqual(['left out']);
    const nulls = { firstName: 'Ann', lastName: null, emailAddress: null, dateOfBirth: null, orgId: null, address: { city: 'Leeds', addressLine1: null, addressLine2: null, postalCode: null, country: null } };
    expect([...unsetSpellings(stored, nulls)]).toEqual(['null']);
    expect([...unsetSpellings(stored, { ...nulls, orgId: undefined, address: { city: 'Leeds' } })].sort()).toEqual(['left out', 'null']);
    // Every field set: nothing to say.
    expect([...unsetSpellings({ firstName: 'A', lastName: 'B', emailAddress: 'e', dateOfBirth: 'd', orgId: 'o', address: { addressLine1: '1', addressLine2: '2', city: 'c', postalCode: 'p', country: 'GB' } }, { id: 'x' })]).toEqual([]);
    expect([...unsetSpellings(stored, 'not a record')]).toEqual([]);
  });
});

describe('zoneSpelling', () => {
  it('gives the zone as the timestamp writes it', () => {
    expect(zoneSpelling('2025-01-21T14:30:00Z')).toBe('Z');
    expect(zoneSpelling('2025-01-21T14:30:00.123+00:00')).toBe('+00:00');
    expect(zoneSpelling('2025-01-21T15:30:00+01:00')).toBe('+01:00');
    expect(zoneSpelling('21/01/2025')).toBe('not RFC 3339');
    expect(zoneSpelling(undefined)).toBe('not RFC 3339');
  });
});
