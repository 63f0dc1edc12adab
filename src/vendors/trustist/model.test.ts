import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addressReading,
  afterUpdate,
  changesRecord,
  fieldsOf,
  sameFields,
  withChange,
  type CustomerFields,
  type CustomerPatch,
} from './model.ts';

const sarah: CustomerFields = {
  firstName: 'Sarah',
  lastName: 'Johnson',
  emailAddress: 'sarah@example.com',
  dateOfBirth: '1985-03-15',
  address: { addressLine1: '123 High Street', addressLine2: 'Flat 4B', city: 'London', postalCode: 'SW1A 1AA', country: 'GB' },
  orgId: 'branch-001',
};

describe('fieldsOf', () => {
  it('treats null and absent alike, keeps empty strings, ignores undocumented properties', () => {
    expect(fieldsOf({ firstName: null, lastName: '', extra: 1, address: { city: null, country: 'GB', floor: 3 } })).toEqual({ lastName: '', address: { country: 'GB' } });
  });

  it('treats an address with no field left as no address', () => {
    expect(fieldsOf({ address: { city: null } })).toEqual({});
    expect(fieldsOf({ address: null })).toEqual({});
  });
});

describe('afterUpdate', () => {
  it('keeps omitted fields, replaces given ones, clears nulls', () => {
    expect(afterUpdate(sarah, { firstName: 'Sally', dateOfBirth: null })).toEqual([{ ...sarah, firstName: 'Sally', dateOfBirth: undefined }].map(fieldsOf));
  });

  it('clears the whole address on address: null', () => {
    const [only, ...rest] = afterUpdate(sarah, { address: null });
    expect(rest).toEqual([]);
    expect(only!.address).toBeUndefined();
  });

  it('accepts both readings of a partial address: merged or replacing', () => {
    const candidates = afterUpdate(sarah, { address: { city: 'Manchester', addressLine2: null } });
    expect(candidates).toHaveLength(2);
    expect(candidates[0]!.address).toEqual({ addressLine1: '123 High Street', city: 'Manchester', postalCode: 'SW1A 1AA', country: 'GB' });
    expect(candidates[1]!.address).toEqual({ city: 'Manchester' });
    expect(addressReading(sarah, { address: { city: 'Manchester' } }, { ...sarah, address: { city: 'Manchester' } })).toBe('replace');
    expect(addressReading(sarah, { address: { city: 'Manchester' } }, { ...sarah, address: { ...sarah.address, city: 'Manchester' } })).toBe('merge');
    expect(addressReading(sarah, { address: { city: 'Manchester' } }, sarah)).toBe('neither');
  });

  it('gives one reading when both agree (a full address)', () => {
    expect(afterUpdate(sarah, { address: { ...sarah.address } })).toHaveLength(1);
  });

  it('never touches orgId, which updates do not carry', () => {
    const patch = fc.record({ firstName: fc.option(fc.string(), { nil: null }), address: fc.option(fc.record({ city: fc.option(fc.string(), { nil: null }) }), { nil: null }) }, { requiredKeys: [] });
    fc.assert(fc.property(patch, (p) => afterUpdate(sarah, p as CustomerPatch).every((c) => c.orgId === sarah.orgId)));
  });

  it('an empty patch changes nothing', () => {
    expect(afterUpdate(sarah, {})).toEqual([sarah]);
    expect(changesRecord(sarah, {})).toBe(false);
  });
});

describe('withChange', () => {
  it('adds a change to a patch that might change nothing, under every reading', () => {
    fc.assert(
      fc.property(fc.record({ lastName: fc.constantFrom('Johnson', 'Smith') }, { requiredKeys: [] }), (p) => changesRecord(sarah, withChange(sarah, p))),
    );
  });
});

describe('comparisons', () => {
  it('compare absent with null, not with the empty string', () => {
    expect(sameFields(fieldsOf({ firstName: 'A', lastName: null }), { firstName: 'A' })).toBe(true);
    expect(sameFields({ firstName: 'A' }, { firstName: 'A', lastName: '' })).toBe(false);
  });
});
