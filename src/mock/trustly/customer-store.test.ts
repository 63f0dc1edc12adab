import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerStore, type Customer } from './customer-store.ts';

// The store's indexes: filtered reads cost the size of the answer, not of the store.

function customer(customerId: string, merchantId: string, externalId?: string): Customer {
  return { customerId, merchantId, name: 'n', address: { country: 'US' }, phone: 'p', email: 'e', createdAt: 1, updatedAt: 1, ...(externalId ? { externalId } : {}) };
}

describe('CustomerStore', () => {
  it('keeps 100,000 customers and answers indexed lookups exactly', () => {
    const store = new CustomerStore();
    const ids: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const id = store.newCustomerId();
      ids.push(id);
      store.insert(i % 2 === 0 ? 'A' : 'B', customer(id, i % 2 === 0 ? 'A' : 'B', `ext-${i}`));
    }
    for (let i = 0; i < 10_000; i++) {
      const owner = i % 2 === 0 ? 'A' : 'B';
      expect(store.get(owner, ids[i]!)?.customer.customerId).toBe(ids[i]);
      expect(store.byExternalId(owner, `ext-${i}`)).toHaveLength(1);
    }
    // How fast these reads are at this size is measured by the benchmarks (npm run bench), beside
    // the same reads at 1,000 customers; a test asserts no wall-clock limit on a shared machine.
    expect(new Set(ids).size).toBe(100_000);
    expect(store.countOf('A')).toBe(50_000);
  });

  it('moves a customer between externalId entries when its externalId changes or is removed', () => {
    const store = new CustomerStore();
    const stored = store.insert('A', customer('1000000001', 'A', 'x'));
    store.replace(stored, customer('1000000001', 'A', 'y'));
    expect(store.byExternalId('A', 'x')).toEqual([]);
    expect(store.byExternalId('A', 'y')).toEqual([stored]);
    store.replace(stored, customer('1000000001', 'A'));
    expect(store.byExternalId('A', 'y')).toEqual([]);
  });

  it('scopes every lookup to the owning merchant', () => {
    const store = new CustomerStore();
    store.insert('A', customer('1000000001', 'A', 'x'));
    expect(store.get('B', '1000000001')).toBeUndefined();
    expect(store.byExternalId('B', 'x')).toEqual([]);
    expect(store.ofMerchant('B')).toEqual([]);
    expect(store.findAnywhere('1000000001')?.owner).toBe('A');
  });

  it('snapshots a deep copy', () => {
    const store = new CustomerStore();
    const stored = store.insert('A', customer('1000000001', 'A'));
    const snapshot = store.snapshot();
    (stored.customer.address as { country: string }).country = 'CA';
    expect(snapshot.customers[0]!.customer.address).toEqual({ country: 'US' });
    // Records are kept as text: a reader's copy is its own.
    expect(store.findAnywhere('1000000001')?.customer.address).toEqual({ country: 'US' });
  });

  it('finds each issued id by its number, and no ten-digit string it did not issue', () => {
    const store = new CustomerStore();
    const ids = Array.from({ length: 2_000 }, () => {
      const id = store.newCustomerId();
      store.insert('A', customer(id, 'A'));
      return id;
    });
    expect(ids.every((id) => /^[1-9][0-9]{9}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(store.findAnywhere(id)?.customerId).toBe(id);
    const issued = new Set(ids);
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000_000, max: 9_999_999_999 }), (n) => {
        const id = String(n);
        expect(store.findAnywhere(id)?.customerId).toBe(issued.has(id) ? id : undefined);
      }),
    );
    // What is not a ten-digit number names no customer, whatever its digits.
    expect(store.findAnywhere(`0${ids[0]}`)).toBeUndefined();
    expect(store.findAnywhere(`${ids[0]} `)).toBeUndefined();
  });

  it('keeps a record with an id of its own, and never issues that id afterwards', () => {
    const store = new CustomerStore();
    const probe = new CustomerStore();
    // Both stores start at random places; take the id the store would issue next and give it to a record first.
    const next = (store as unknown as { nextId: number }).nextId;
    const taken = String(1_000_000_000 + next);
    store.insert('B', customer(taken, 'B'));
    expect(store.findAnywhere(taken)?.owner).toBe('B');
    const issued = store.newCustomerId();
    expect(issued).not.toBe(taken);
    store.insert('A', customer(issued, 'A'));
    expect(store.findAnywhere(issued)?.owner).toBe('A');
    expect(store.findAnywhere(taken)?.owner).toBe('B');
    expect(probe.findAnywhere(taken)).toBeUndefined();
  });

  it('lets a reused id (the collision fault) replace the older customer everywhere', () => {
    const store = new CustomerStore();
    const id = store.newCustomerId();
    store.insert('A', customer(id, 'A', 'x'));
    store.insert('A', customer(id, 'A', 'y'));
    expect(store.countOf('A')).toBe(1);
    expect(store.byExternalId('A', 'x')).toEqual([]);
    expect(store.findAnywhere(id)?.externalId).toBe('y');
    expect(store.snapshot().customers).toHaveLength(1);
  });
});
