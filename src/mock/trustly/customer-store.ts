import { randomInt } from 'node:crypto';

/** A stored customer exactly as the API returns it: absent properties are not there at all. */
export type Customer = Record<string, unknown> & {
  customerId: string;
  merchantId: string;
  createdAt: number;
  updatedAt: number;
};

/**
 * A customer and the bookkeeping the API never shows. The record is kept as its JSON text, not
 * as objects: under a create load, a store of objects (a dozen per record) made every garbage
 * collection trace and copy the records written so far, about a sixth of a create's cost
 * (bench/ mock-throughput). A string is one object the collector does not look into. An answer
 * sends the text as it is; what needs the fields reads a fresh copy (`customer`), so no reader
 * can change a stored record in place.
 */
export class StoredCustomer {
  /** The record as JSON.stringify wrote it. */
  json: string;
  /** Its length in UTF-8 bytes. */
  bytes: number;
  /** The record's externalId, indexed and filtered on without parsing the record. */
  externalId: string | undefined;

  constructor(
    /** Creation order: lists answer in it. */
    readonly seq: number,
    /** The merchant whose credentials created it; isolation keys on this, not on the record's field. */
    readonly owner: string,
    readonly customerId: string,
    customer: Customer,
  ) {
    this.json = JSON.stringify(customer);
    this.bytes = Buffer.byteLength(this.json);
    this.externalId = externalIdOf(customer);
  }

  /** A fresh copy of the record. */
  get customer(): Customer {
    return JSON.parse(this.json) as Customer;
  }

  /** Keeps `customer` (same customerId) in place of the record. */
  set(customer: Customer): void {
    this.json = JSON.stringify(customer);
    this.bytes = Buffer.byteLength(this.json);
    this.externalId = externalIdOf(customer);
  }
}

function externalIdOf(customer: Customer): string | undefined {
  return typeof customer.externalId === 'string' ? customer.externalId : undefined;
}

interface MerchantIndex {
  /**
   * The merchant's customers in creation order, so an unfiltered list needs no sort. An array,
   * not a second map by id: `all` answers lookups by id, and every create paid for the second
   * map's growth (bench/ mock-throughput).
   */
  customers: StoredCustomer[];
  byExternalId: Map<string, Set<StoredCustomer>>;
}

export interface StoreSnapshot {
  customers: { owner: string; customer: Customer }[];
}

/**
 * The mock's customers, indexed by (merchant, customerId) and (merchant, externalId) so that a
 * filtered list costs the size of its answer, not of the store (100,000 customers stay fast).
 * Merchants share one id space: a customerId names at most one customer anywhere.
 */
/** The ten-digit numbers: 1,000,000,000 to 9,999,999,999. */
const ID_FIRST = 1_000_000_000;
const ID_SPACE = 9_000_000_000;
/** Not divisible by 2, 3 or 5, the prime factors of ID_SPACE: stepping by it visits every id once. */
const ID_STEP = 7_368_787;

export class CustomerStore {
  private readonly all = new Map<string, StoredCustomer>();
  private readonly merchants = new Map<string, MerchantIndex>();
  private seq = 0;
  /** Where the ids newCustomerId hands out go next: a random start, then ID_STEP apart. */
  private nextId = randomInt(ID_SPACE);
  private lastIssued: string | undefined;
  /** Whether a record came in with an id newCustomerId did not issue: only then can an id be taken. */
  private outsideIds = false;

  /**
   * A fresh 10-digit numeric id. The ids are distinct by construction, so none needs looking up:
   * checking each random id against a store of 100,000s of customers was one of a create's
   * costlier steps (a cache miss on a large table, bench/ mock-throughput). Once a record came in
   * with an id of its own, an id is skipped while it is taken. `collide` is the
   * customer-id-collision fault: 64 slots, unchecked.
   */
  newCustomerId(collide = false): string {
    if (collide) return String(ID_FIRST + randomInt(64));
    for (;;) {
      const id = String(ID_FIRST + this.nextId);
      this.nextId = (this.nextId + ID_STEP) % ID_SPACE;
      if (this.outsideIds && this.all.has(id)) continue;
      this.lastIssued = id;
      return id;
    }
  }

  /** The caller's customer with this id; another merchant's is as absent as an unknown one. */
  get(owner: string, customerId: string): StoredCustomer | undefined {
    const stored = this.all.get(customerId);
    return stored?.owner === owner ? stored : undefined;
  }

  /** Any merchant's customer: only to tell "unknown" from "another merchant's", and for faults. */
  findAnywhere(customerId: string): StoredCustomer | undefined {
    return this.all.get(customerId);
  }

  byExternalId(owner: string, externalId: string): StoredCustomer[] {
    const found = this.merchants.get(owner)?.byExternalId.get(externalId);
    return found ? [...found].sort((a, b) => a.seq - b.seq) : [];
  }

  /** For the external-id-global-scope fault only: the first customer of any merchant with it. */
  byExternalIdAnywhere(externalId: string): StoredCustomer | undefined {
    return [...this.merchants.values()]
      .flatMap((index) => [...(index.byExternalId.get(externalId) ?? [])])
      .sort((a, b) => a.seq - b.seq)[0];
  }

  ofMerchant(owner: string): StoredCustomer[] {
    return [...(this.merchants.get(owner)?.customers ?? [])];
  }

  countOf(owner: string): number {
    return this.merchants.get(owner)?.customers.length ?? 0;
  }

  insert(owner: string, customer: Customer): StoredCustomer {
    const { customerId } = customer;
    if (customerId !== this.lastIssued) this.outsideIds = true;
    this.lastIssued = undefined;
    const stored = new StoredCustomer(this.seq++, owner, customerId, customer);
    const size = this.all.size;
    this.all.set(customerId, stored);
    // Only the collision fault reuses an id: the newer customer then takes the older's place.
    if (this.all.size === size) this.removeOtherWithId(stored);
    const index = this.indexOf(owner);
    index.customers.push(stored);
    this.indexExternalId(index, stored);
    return stored;
  }

  /** Replaces a stored customer's record (same customerId), keeping the externalId index true. */
  replace(stored: StoredCustomer, customer: Customer): void {
    const index = this.indexOf(stored.owner);
    this.unindexExternalId(index, stored);
    stored.set(customer);
    this.indexExternalId(index, stored);
  }

  /** A copy of every record (each parsed afresh from its text). */
  snapshot(): StoreSnapshot {
    return { customers: [...this.all.values()].map((stored) => ({ owner: stored.owner, customer: stored.customer })) };
  }

  /** Drops the customer `stored` replaced in `all`: a scan, but only the collision fault gets here, within a few dozen creates. */
  private removeOtherWithId(stored: StoredCustomer): void {
    for (const index of this.merchants.values()) {
      const at = index.customers.findIndex((other) => other.customerId === stored.customerId);
      if (at < 0) continue;
      this.unindexExternalId(index, index.customers[at]!);
      index.customers.splice(at, 1);
      return;
    }
  }

  private indexOf(owner: string): MerchantIndex {
    let index = this.merchants.get(owner);
    if (!index) {
      index = { customers: [], byExternalId: new Map() };
      this.merchants.set(owner, index);
    }
    return index;
  }

  private indexExternalId(index: MerchantIndex, stored: StoredCustomer): void {
    const { externalId } = stored;
    if (externalId === undefined) return;
    let set = index.byExternalId.get(externalId);
    if (!set) index.byExternalId.set(externalId, (set = new Set()));
    set.add(stored);
  }

  private unindexExternalId(index: MerchantIndex, stored: StoredCustomer): void {
    const { externalId } = stored;
    if (externalId === undefined) return;
    const set = index.byExternalId.get(externalId);
    set?.delete(stored);
    if (set?.size === 0) index.byExternalId.delete(externalId);
  }
}
