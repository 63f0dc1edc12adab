import type { TrustistFaultName } from './faults.ts';

export const ADDRESS_FIELDS = ['addressLine1', 'addressLine2', 'city', 'postalCode', 'country'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type Address = Partial<Record<AddressField, string>>;

/** The fields a caller may set, in the order the seed lists them (and the mock writes them). */
export const CUSTOMER_FIELDS = ['firstName', 'lastName', 'emailAddress', 'dateOfBirth', 'address', 'orgId'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

export interface CustomerFields {
  firstName?: string;
  lastName?: string;
  emailAddress?: string;
  dateOfBirth?: string;
  address?: Address;
  orgId?: string;
}

/** A stored customer exactly as the API shows it: a cleared field is absent, never null. */
export interface Customer extends CustomerFields {
  id: string;
  tenantId: string;
  created: string;
  lastUpdated: string;
}

export interface OnboardSession {
  id: string;
  tenantId: string;
  customerId: string;
  status: 'created';
  created: string;
  options?: unknown;
  orgId?: string;
  returnUrl?: string;
}

/** A tenant's list views. They hold references to the records, so a list reads no other tenant. */
interface TenantIndex {
  all: OrderedView;
  byOrg: Map<string, OrderedView>;
}

interface OrderedView {
  records: Map<string, Customer>;
  /** False once a record moved in by update: creation order is restored on the next read. */
  ordered: boolean;
}

/**
 * The mock's in-memory state. Records are found by id in one map (ids are unique across
 * tenants); lists are answered from per-tenant and per-(tenant, orgId) indexes, so listing one
 * branch's customers costs the size of that branch, not of the whole store (the mock must hold
 * 100,000 customers and still list by orgId quickly).
 */
export class CustomerStore {
  private readonly customers = new Map<string, Customer>();
  private readonly tenants = new Map<string, TenantIndex>();
  /** Creation sequence of each id: the list order, even after a record changes branch. */
  private readonly sequence = new Map<string, number>();
  private nextSequence = 0;
  readonly sessions = new Map<string, OnboardSession>();
  /** Only the kyc-refusal-sticky fault writes here: the person-data refusals it remembers. */
  readonly kycRefusals = new Map<string, string[]>();

  constructor(private readonly fault?: TrustistFaultName) {}

  get size(): number {
    return this.customers.size;
  }

  has(id: string): boolean {
    return this.customers.has(id);
  }

  /** A record of any tenant: callers decide what the caller may see. */
  find(id: string): Customer | undefined {
    return this.customers.get(id);
  }

  insert(record: Customer): void {
    this.customers.set(record.id, record);
    this.sequence.set(record.id, this.nextSequence++);
    this.addToIndex(record.id, record, false);
  }

  /** Stores `next` in place of the record known by `id` (next.id differs only under a fault). */
  replace(id: string, previous: Customer, next: Customer): void {
    this.customers.set(id, next);
    if (this.fault === 'list-stale-after-update') return;
    if (next.tenantId !== previous.tenantId) {
      // Only the update-writes-immutable fault moves a record to another tenant.
      this.removeFromIndex(id, previous);
      this.addToIndex(id, next, true);
      return;
    }
    const tenant = this.tenant(next.tenantId);
    // Map.set on an existing key keeps its position: the list keeps creation order.
    tenant.all.records.set(id, next);
    if (previous.orgId === next.orgId) {
      if (next.orgId !== undefined) tenant.byOrg.get(next.orgId)?.records.set(id, next);
      return;
    }
    if (previous.orgId !== undefined) this.removeFromView(tenant.byOrg, previous.orgId, id);
    if (next.orgId !== undefined) this.addToView(this.view(tenant.byOrg, next.orgId), id, next, true);
  }

  /** The tenant's customers in creation order, only those whose orgId equals `orgId` when given. */
  list(tenantId: string, orgId?: string): Customer[] {
    const tenant = this.tenants.get(tenantId);
    if (orgId === undefined) return tenant ? this.read(tenant.all) : [];
    if (this.fault === 'list-prefix-match') return this.list(tenantId).filter((c) => c.orgId !== undefined && c.orgId.startsWith(orgId));
    if (this.fault === 'list-case-insensitive') return this.list(tenantId).filter((c) => c.orgId?.toLowerCase() === orgId.toLowerCase());
    if (this.fault === 'list-cross-tenant') return [...this.tenants.values()].flatMap((t) => this.readOrg(t, orgId));
    return tenant ? this.readOrg(tenant, orgId) : [];
  }

  /** Whether any tenant has a customer with this orgId (the list-unknown-org-non-ascii-400 fault's global org lookup). */
  orgInUse(orgId: string): boolean {
    return [...this.tenants.values()].some((tenant) => (tenant.byOrg.get(orgId)?.records.size ?? 0) > 0);
  }

  /** A deep copy of everything a request could change, for tests that prove nothing changed. */
  snapshot(): { customers: Customer[]; sessions: OnboardSession[] } {
    return structuredClone({ customers: [...this.customers.values()], sessions: [...this.sessions.values()] });
  }

  private readOrg(tenant: TenantIndex, orgId: string): Customer[] {
    const view = tenant.byOrg.get(orgId);
    return view ? this.read(view) : [];
  }

  private read(view: OrderedView): Customer[] {
    if (!view.ordered) {
      view.records = new Map([...view.records].sort(([a], [b]) => this.sequence.get(a)! - this.sequence.get(b)!));
      view.ordered = true;
    }
    return [...view.records.values()];
  }

  private tenant(tenantId: string): TenantIndex {
    let index = this.tenants.get(tenantId);
    if (!index) {
      index = { all: { records: new Map(), ordered: true }, byOrg: new Map() };
      this.tenants.set(tenantId, index);
    }
    return index;
  }

  private view(views: Map<string, OrderedView>, key: string): OrderedView {
    let view = views.get(key);
    if (!view) {
      view = { records: new Map(), ordered: true };
      views.set(key, view);
    }
    return view;
  }

  /** A new record is the newest, so appending keeps order; a moved one may not be. */
  private addToView(view: OrderedView, id: string, record: Customer, moved: boolean): void {
    if (moved && view.records.size > 0) view.ordered = false;
    view.records.set(id, record);
  }

  private removeFromView(views: Map<string, OrderedView>, key: string, id: string): void {
    const view = views.get(key);
    view?.records.delete(id);
    if (view && view.records.size === 0) views.delete(key);
  }

  private addToIndex(id: string, record: Customer, moved: boolean): void {
    const tenant = this.tenant(record.tenantId);
    this.addToView(tenant.all, id, record, moved);
    if (record.orgId !== undefined) this.addToView(this.view(tenant.byOrg, record.orgId), id, record, moved);
  }

  private removeFromIndex(id: string, record: Customer): void {
    const tenant = this.tenants.get(record.tenantId);
    if (!tenant) return;
    tenant.all.records.delete(id);
    if (record.orgId !== undefined) this.removeFromView(tenant.byOrg, record.orgId, id);
  }
}
