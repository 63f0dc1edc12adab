import { describe, expect, it } from 'vitest';
import { loadVendorSpec, readXConform, requiredRole, roleHolds, roleOfKey, SpecError, VENDORS } from './index.ts';

describe.each(VENDORS)('%s x-conform', (vendor) => {
  it('is valid, names the vendor, and has one required credential role', async () => {
    const { conform } = await loadVendorSpec(vendor);
    expect(conform.vendor).toBe(vendor);
    expect(requiredRole(conform)[1].idVar).toMatch(new RegExp(`^${vendor.toUpperCase()}_`));
  });
});

describe('readXConform', () => {
  const good = async () => structuredClone((await loadVendorSpec('trustly')).spec.raw) as unknown as Record<string, Record<string, unknown>>;
  const ops = ['createOrUpdateCustomer', 'getCustomer', 'updateCustomer', 'listCustomers'];

  it('names the spec and the JSON pointer of a bad field', async () => {
    const raw = await good();
    (raw['x-conform']!.record as Record<string, unknown>).timestamps = { created: { field: 'createdAt', encoding: 'epoch' }, updated: { field: 'updatedAt', encoding: 'unix-ms' } };
    expect(() => readXConform(raw, 'specs/x.yaml', ops)).toThrow(SpecError);
    expect(() => readXConform(raw, 'specs/x.yaml', ops)).toThrow(/specs\/x\.yaml: x-conform is not valid: \/x-conform\/record\/timestamps\/created\/encoding must be equal to one of the allowed values/);
  });

  it('names an unknown property and a missing one', async () => {
    const raw = await good();
    raw['x-conform']!.colour = 'blue';
    delete raw['x-conform']!.operations;
    expect(() => readXConform(raw, 'x.yaml', ops)).toThrow(/unknown property "colour".*missing "operations"|missing "operations".*unknown property "colour"/);
  });

  it('refuses an operation the spec does not have, and a scope role that is not a credential role', async () => {
    const raw = await good();
    (raw['x-conform']!.operations as Record<string, string>).get = 'fetchCustomer';
    (raw['x-conform']!.scope as Record<string, string>).other = 'merchantC';
    expect(() => readXConform(raw, 'x.yaml', ops)).toThrow(/\/operations\/get: no operation "fetchCustomer"/);
    expect(() => readXConform(raw, 'x.yaml', ops)).toThrow(/\/scope\/other: "merchantC" is not a credential role/);
  });

  it('refuses a spec without the block, saying what to add', () => {
    expect(() => readXConform({ openapi: '3.1.0' }, 'x.yaml', ops)).toThrow(/x.yaml: no x-conform block; add one/);
  });

  it('tells the role of a key and what it may call', async () => {
    const { conform } = await loadVendorSpec('trustist');
    expect(roleOfKey(conform, { TRUSTIST_READONLY_KEY_ID: 'k1' }, 'k1')).toBe('readonly');
    expect(roleOfKey(conform, { TRUSTIST_READONLY_KEY_ID: 'k1' }, 'k2')).toBe('unknown');
    expect(roleHolds(conform, 'TRUSTIST_NOREAD_KEY_ID', 'getCustomer')).toBe(false);
    expect(roleHolds(conform, 'TRUSTIST_NOREAD_KEY_ID', 'createCustomer')).toBe(true);
  });
});
