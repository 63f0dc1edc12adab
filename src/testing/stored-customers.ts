import { expect } from 'vitest';
import type { CreatedRecord } from '../results/results.ts';
import type { Vendor } from '../openapi/vendors.ts';

// Test support: what a live run left in a mock, read from the mock's snapshot, to measure the
// run's footprint from outside it.

export type Stored = { id: string; owner: string; record: Record<string, unknown> };

/** Every customer in the mock, with the tenant or merchant it belongs to. */
export function storedCustomers(vendor: Vendor, snapshot: unknown): Stored[] {
  if (vendor === 'trustist') {
    return (snapshot as { customers: Record<string, unknown>[] }).customers.map((c) => ({ id: c.id as string, owner: c.tenantId as string, record: c }));
  }
  return (snapshot as { customers: { owner: string; customer: Record<string, unknown> }[] }).customers.map(({ owner, customer }) => ({ id: customer.customerId as string, owner, record: customer }));
}

/** What a scrubbed Trustly customer keeps in its required fields: neutral values that are nobody's. */
const SCRUBBED_REQUIRED = { name: 'Scrubbed test customer', address: { country: 'US' }, phone: '+15555550100', email: 'scrubbed@example.com' };

const PERSONAL: Record<Vendor, string[]> = {
  trustist: ['firstName', 'lastName', 'emailAddress', 'dateOfBirth', 'address'],
  trustly: ['taxId', 'dateOfBirth', 'personId', 'nationalId', 'driverLicense', 'customData', 'organizationNumber', 'enrollDate', 'vip', 'currency', 'balance', 'externalTier'],
};

/** Whether a stored customer still holds data the checks wrote (beyond its tag). */
export function holdsPersonalData(vendor: Vendor, record: Record<string, unknown>): boolean {
  if (PERSONAL[vendor].some((field) => record[field] !== undefined && record[field] !== null)) return true;
  if (vendor === 'trustly') {
    const { name, email, phone, address } = record;
    return JSON.stringify({ name, address, phone, email }) !== JSON.stringify(SCRUBBED_REQUIRED);
  }
  return false;
}

/** The ledger's owners map one to one onto the mock's tenants (merchants): each role owns records of one. */
export function expectOwnersMatch(ledger: CreatedRecord[], stored: Stored[]): void {
  const byId = new Map(stored.map((s) => [s.id, s.owner]));
  const tenantOf = new Map<string, Set<string>>();
  for (const entry of ledger) {
    expect(entry.owner, `owner of ${entry.id}`).toMatch(/^(tenantA|tenantB|readonly|noread|merchant|merchantA|merchantB)$/);
    tenantOf.set(entry.owner, (tenantOf.get(entry.owner) ?? new Set()).add(byId.get(entry.id)!));
  }
  for (const [owner, tenants] of tenantOf) expect([...tenants], `the records of ${owner} belong to one tenant`).toHaveLength(1);
  for (const [a, b] of [['tenantA', 'tenantB'], ['merchantA', 'merchantB']]) {
    if (tenantOf.has(a!) && tenantOf.has(b!)) expect([...tenantOf.get(a!)!][0]).not.toBe([...tenantOf.get(b!)!][0]);
  }
}
