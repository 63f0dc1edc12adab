import { describe, expect, it } from 'vitest';
import { VENDORS, type Vendor } from '../openapi/vendors.ts';
import { FAULTS, faultsOf, findFault } from './faults.ts';
import { MOCK_MODULES, mockModule } from './mock-modules.ts';
import { profileRules } from './profile.ts';
import { startMock } from './start-mock.ts';
import { findVariants, VARIANTS, variantsOf } from './variants.ts';

describe('the list of reference mocks', () => {
  it('has one mock for each vendor whose spec ships, and each describes only its own faults and variants', () => {
    expect(MOCK_MODULES.map((m) => m.vendor).sort()).toEqual([...VENDORS]);
    for (const mock of MOCK_MODULES) {
      expect(mockModule(mock.vendor)).toBe(mock);
      expect(mock.faults.length, mock.vendor).toBeGreaterThan(0);
      expect(mock.faults.filter((f) => f.vendor !== mock.vendor), mock.vendor).toEqual([]);
      expect(mock.variants.filter((v) => v.vendor !== mock.vendor), mock.vendor).toEqual([]);
      expect(faultsOf(mock.vendor)).toEqual(mock.faults);
      expect(variantsOf(mock.vendor)).toEqual(mock.variants);
      expect(profileRules(mock.vendor)).toEqual(Object.keys(mock.profileReaders));
      expect(mock.authSchemes.length, mock.vendor).toBeGreaterThan(0);
    }
    expect(FAULTS).toHaveLength(MOCK_MODULES.reduce((n, m) => n + m.faults.length, 0));
    expect(VARIANTS).toHaveLength(MOCK_MODULES.reduce((n, m) => n + m.variants.length, 0));
  });

  it('refuses a vendor it has no mock for, naming it, instead of handing it another vendor\'s mock', async () => {
    const acme = 'acme' as Vendor;
    expect(() => mockModule(acme)).toThrow(/^unknown vendor "acme"; mocks: trustist, trustly/);
    expect(() => faultsOf(acme)).toThrow(/unknown vendor "acme"/);
    expect(() => findFault(acme, 'any')).toThrow(/unknown vendor "acme"/);
    expect(() => findVariants(acme, [])).toThrow(/unknown vendor "acme"/);
    await expect(startMock(acme)).rejects.toThrow(/unknown vendor "acme"/);
  });

  it('finds a fault or a variant only in the named vendor\'s mock', () => {
    const [trustist, trustly] = [faultsOf('trustist')[0]!, faultsOf('trustly')[0]!];
    expect(findFault('trustist', trustist.name)).toBe(trustist);
    expect(() => findFault('trustist', trustly.name)).toThrow(new RegExp(`unknown trustist fault "${trustly.name}"; valid: ${trustist.name}`));
    // Some names are shared (absent-as-null): the one taken here is Trustly's alone.
    const variant = variantsOf('trustly').find((v) => !variantsOf('trustist').some((t) => t.name === v.name))!;
    expect(findVariants('trustly', [variant.name])).toEqual([variant]);
    expect(() => findVariants('trustist', [variant.name])).toThrow(`unknown trustist variant "${variant.name}"`);
  });
});
