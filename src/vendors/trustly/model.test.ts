import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadVendorSpec } from '../../openapi/index.ts';
import {
  applyWrite,
  asSent,
  createdData,
  dataOf,
  differences,
  listByCustomerId,
  listByExternalId,
  OPTIONAL_FIELDS,
  REQUIRED_FIELDS,
  resolveUpsert,
  SYSTEM_FIELDS,
  takesOthersExternalId,
  withStoredValues,
  type ModelCustomer,
} from './model.ts';

const joe = { name: 'Joe User', address: { country: 'US', state: 'CA' }, phone: '+16505551212', email: 'joe@mail.com' };
const customer = (merchant: string, customerId: string, data: Record<string, unknown>): ModelCustomer => ({ merchant, customerId, data });

describe('the field lists', () => {
  it('are exactly the properties of the spec\'s CustomerRequest, split by its required list', async () => {
    const { spec } = await loadVendorSpec('trustly');
    const schema = (spec.document.components?.schemas as Record<string, { properties: object; required: string[] }>).CustomerRequest!;
    expect([...REQUIRED_FIELDS].sort()).toEqual([...schema.required].sort());
    const writable = Object.keys(schema.properties).filter((p) => !(REQUIRED_FIELDS as readonly string[]).includes(p));
    expect([...OPTIONAL_FIELDS, 'customerId', 'merchantId'].sort()).toEqual(writable.sort());
  });
});

describe('applyWrite (the SHOULD reading of an update)', () => {
  it('sets passed values, removes nulls, keeps omitted properties and never takes ids or times', () => {
    const stored = { ...joe, taxId: '123', vip: 'high', customData: { a: 1 } };
    const next = applyWrite(stored, { name: 'Jane', taxId: null, customerId: '9', merchantId: 'x', createdAt: 1, updatedAt: 2 });
    expect(next).toEqual({ ...joe, name: 'Jane', vip: 'high', customData: { a: 1 } });
  });

  it('replaces objects as a whole (address, customData, driverLicense)', () => {
    const next = applyWrite({ ...joe, customData: { a: 1, b: 2 } }, { address: { country: 'CA' }, customData: { c: 3 } });
    expect(next.address).toEqual({ country: 'CA' });
    expect(next.customData).toEqual({ c: 3 });
  });

  it('does not change the stored data it is given', () => {
    const stored = { ...joe, taxId: '1' };
    applyWrite(stored, { taxId: null });
    expect(stored.taxId).toBe('1');
  });

  it('creates from non-null body data only, as the JSON round trip delivers it', () => {
    expect(createdData({ ...joe, vip: null, balance: undefined, enrollDate: -0 })).toEqual({ ...joe, enrollDate: 0 });
    expect(Object.is(asSent({ n: -0 }).n, 0)).toBe(true);
  });

  it('withStoredValues fills what a body omits, so both readings of an update agree', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...OPTIONAL_FIELDS), fc.string()), fc.dictionary(fc.constantFrom(...OPTIONAL_FIELDS), fc.option(fc.string())), (stored, changes) => {
        const whole = withStoredValues({ ...joe, ...changes }, { ...joe, ...stored });
        const keep = applyWrite({ ...joe, ...stored }, whole);
        const replace = createdData(whole);
        expect(keep).toEqual(replace);
      }),
    );
  });
});

describe('dataOf and differences', () => {
  it('drops system fields and reads null as removed', () => {
    expect(dataOf({ ...joe, customerId: '1', merchantId: 'm', createdAt: 1, updatedAt: 2, vip: null })).toEqual(joe);
    expect(SYSTEM_FIELDS).toEqual(['customerId', 'merchantId', 'createdAt', 'updatedAt']);
  });

  it('names each differing field; extra documented fields differ, undocumented ones are allowed', () => {
    expect(differences({ ...joe, vip: 'x', extra: 1 }, { ...joe })).toEqual([{ field: 'vip', received: 'x', expected: undefined }]);
    expect(differences({ ...joe, name: 'A' }, { ...joe, name: 'B' }, ['phone'])).toEqual([]);
    expect(differences({ ...joe, customData: { b: 1, a: 2 } }, { ...joe, customData: { a: 2, b: 1 } })).toEqual([]);
  });
});

describe('resolveUpsert', () => {
  const a1 = customer('A', '1', { ...joe, externalId: 'x' });
  const a2 = customer('A', '2', { ...joe, externalId: 'y' });
  const b3 = customer('B', '3', { ...joe, externalId: 'x' });
  const all = [a1, a2, b3];

  it('creates when no key names a customer of the merchant', () => {
    expect(resolveUpsert(all, 'A', { ...joe, externalId: 'z' })).toEqual({ kind: 'create' });
    expect(resolveUpsert(all, 'A', joe)).toEqual({ kind: 'create' });
  });

  it("updates the merchant's customer named by externalId, in the body or the query, never another merchant's", () => {
    expect(resolveUpsert(all, 'A', { ...joe, externalId: 'x' })).toEqual({ kind: 'update', customer: a1 });
    expect(resolveUpsert(all, 'B', { ...joe, externalId: 'x' })).toEqual({ kind: 'update', customer: b3 });
    expect(resolveUpsert(all, 'A', joe, 'y')).toEqual({ kind: 'update', customer: a2 });
    expect(resolveUpsert([a1], 'B', { ...joe, externalId: 'x' })).toEqual({ kind: 'create' });
  });

  it('is exact: no prefix and no case-insensitive match', () => {
    expect(resolveUpsert(all, 'A', { ...joe, externalId: 'X' })).toEqual({ kind: 'create' });
    expect(resolveUpsert([customer('A', '1', { ...joe, externalId: 'xy' })], 'A', { ...joe, externalId: 'x' })).toEqual({ kind: 'create' });
  });

  it('updates the customer named by customerId, even with a new externalId', () => {
    expect(resolveUpsert(all, 'A', { ...joe, customerId: '2', externalId: 'new' })).toEqual({ kind: 'update', customer: a2 });
  });

  it('leaves open what the docs leave open', () => {
    expect(resolveUpsert(all, 'A', { ...joe, customerId: '3' })).toMatchObject({ kind: 'open', reason: /another merchant/ });
    expect(resolveUpsert(all, 'A', { ...joe, customerId: '99' })).toMatchObject({ kind: 'open', reason: /names no customer/ });
    expect(resolveUpsert(all, 'A', { ...joe, customerId: '1', externalId: 'y' })).toMatchObject({ kind: 'open' });
    expect(resolveUpsert(all, 'A', { ...joe, externalId: 'x' }, 'y')).toMatchObject({ kind: 'open' });
    expect(resolveUpsert([a1, customer('A', '5', { externalId: 'x' })], 'A', { ...joe, externalId: 'x' })).toMatchObject({ kind: 'open' });
  });

  it('takesOthersExternalId spots an update that would duplicate an externalId within the merchant', () => {
    expect(takesOthersExternalId(all, a1, { externalId: 'y' })).toBe(true);
    expect(takesOthersExternalId(all, a2, { externalId: 'x' })).toBe(true);
    expect(takesOthersExternalId(all, a2, { externalId: 'y' })).toBe(false);
    expect(takesOthersExternalId([a1, b3], a1, { externalId: 'x' })).toBe(false);
  });
});

describe('lists', () => {
  const all = [customer('A', '1', { externalId: 'x' }), customer('A', '2', { externalId: 'xy' }), customer('A', '3', { externalId: 'X' }), customer('B', '4', { externalId: 'x' })];

  it('by externalId: exact matches of the merchant only', () => {
    expect(listByExternalId(all, 'A', 'x').map((c) => c.customerId)).toEqual(['1']);
    expect(listByExternalId(all, 'B', 'x').map((c) => c.customerId)).toEqual(['4']);
    expect(listByExternalId(all, 'A', 'z')).toEqual([]);
  });

  it("by customerId: the merchant's customer, never another merchant's", () => {
    expect(listByCustomerId(all, 'A', '2').map((c) => c.customerId)).toEqual(['2']);
    expect(listByCustomerId(all, 'B', '2')).toEqual([]);
  });
});
