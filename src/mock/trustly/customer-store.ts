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
  /**
   * `{ customer: record }` as JSON.stringify writes it: the answer of a read or a write of this
   * customer, sent as it is (it spares an answer the joining and flattening of the record's text).
   */
  reply!: string;
  /** Its length in UTF-8 bytes. */
  replyBytes!: number;
  /** The record's externalId, indexed and filtered on without parsing the record. */
  externalId!: string | undefined;

  constructor(
    /** Creation order: lists answer in it. */
    readonly seq: number,
    /** The merchant whose credentials created it; isolation keys on this, not on the record's field. */
    readonly owner: string,
    readonly customerId: string,
    customer: Customer,
  ) {
    this.set(customer);
  }

  /** The record's own JSON text (a slice of the reply: no copy). */
  get json(): string {
    return this.reply.slice(REPLY_OPEN.length, -1);
  }

  /** The record's JSON text's length in UTF-8 bytes. */
  get bytes(): number {
    return this.replyBytes - REPLY_OPEN.length - 1;
  }

  /** A fresh copy of the record. */
  get customer(): Customer {
    return JSON.parse(this.json) as Customer;
  }

  /** Keeps `customer` (same customerId) as the record. */
  set(customer: Customer): void {
    this.reply = JSON.stringify({ customer });
    this.replyBytes = Buffer.byteLength(this.reply);
    this.externalId = typeof customer.externalId === 'string' ? customer.externalId : undefined;
  }
}

/** What JSON.stringify writes before the record in `{ customer: record }`. */
const REPLY_OPEN = '{"customer":';


interface MerchantIndex {
  /**
   * The merchant's customers in creation order, so an unfiltered list needs no sort. An array,
   * not a second table by id: CustomerStore finds a customer by its id, and every create paid
   * for a second table's growth (bench/ mock-throughput).
   */
  customers: StoredCustomer[];
  byExternalId: Map<string, Set<StoredCustomer>>;
}

export interface StoreSnapshot {
  customers: { owner: string; customer: Customer }[];
}

/** The ten-digit numbers: 1,000,000,000 to 9,999,999,999. */
const ID_FIRST = 1_000_000_000;
const ID_SPACE = 9_000_000_000;
/** Not divisible by 2, 3 or 5, the prime factors of ID_SPACE: stepping by it visits every id once. */
const ID_STEP = 7_368_787;
/** ID_STEP's inverse modulo ID_SPACE: it takes an issued id back to its issue number. */
const ID_STEP_INVERSE = inverseModulo(ID_STEP, ID_SPACE);
const TEN_DIGITS = /^[0-9]{10}$/;

/**
 * The mock's customers, indexed by (merchant, customerId) and (merchant, externalId) so that a
 * filtered list costs the size of its answer, not of the store (100,000 customers stay fast).
 * Merchants share one id space: a customerId names at most one customer anywhere.
 *
 * The ids newCustomerId issues step through the ten-digit numbers from a random start, so they
 * are distinct by construction and an id gives back its issue number by arithmetic: a customer
 * is found at that number in an array, and no table keyed by id grows on every create (a hash
 * table's growth and cache misses were a fifth of a create's cost, bench/ mock-throughput).
 * Only a record that comes with an id of its own (a foreign record, the collision fault's ids)
 * is kept in a map.
 */
export class CustomerStore {
  /** The customers whose ids newCustomerId issued, at their ids' issue numbers. */
  private readonly issued: (StoredCustomer | undefined)[] = [];
  /** The customers with an id newCustomerId did not issue. */
  private readonly others = new Map<string, StoredCustomer>();
  private readonly merchants = new Map<string, MerchantIndex>();
  private seq = 0;
  private readonly firstId = randomInt(ID_SPACE);
  private issuedCount = 0;
  private nextId = this.firstId;
  /** The id newCustomerId issued last (its issue number is issuedCount - 1), until a customer is inserted. */
  private lastIssuedId: string | undefined;

  /**
   * A fresh 10-digit numeric id, never one a customer has. `collide` is the
   * customer-id-collision fault: 64 slots, unchecked.
   */
  newCustomerId(collide = false): string {
    if (collide) return String(ID_FIRST + randomInt(64));
    for (;;) {
      const id = tenDigits(ID_FIRST + this.nextId);
      this.issuedCount++;
      this.nextId = (this.nextId + ID_STEP) % ID_SPACE;
      // Issued ids are distinct; only an id of a record's own can have taken one.
      if (this.others.has(id)) continue;
      this.lastIssuedId = id;
      return id;
    }
  }

  /** The caller's customer with this id; another merchant's is as absent as an unknown one. */
  get(owner: string, customerId: string): StoredCustomer | undefined {
    const stored = this.findAnywhere(customerId);
    return stored?.owner === owner ? stored : undefined;
  }

  /** Any merchant's customer: only to tell "unknown" from "another merchant's", and for faults. */
  findAnywhere(customerId: string): StoredCustomer | undefined {
    const number = this.issueNumberOf(customerId);
    const issued = number === undefined ? undefined : this.issued[number];
    return issued?.customerId === customerId ? issued : this.others.get(customerId);
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
    const stored = new StoredCustomer(this.seq++, owner, customerId, customer);
    if (customerId === this.lastIssuedId) {
      // Just issued: no customer has the id.
      this.issued[this.issuedCount - 1] = stored;
    } else {
      // An id of its own. Only the collision fault reuses one: the newer customer takes the older's place.
      const previous = this.findAnywhere(customerId);
      if (previous) this.remove(previous);
      this.others.set(customerId, stored);
    }
    this.lastIssuedId = undefined;
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

  /** A copy of every record (each parsed afresh from its text), in creation order. */
  snapshot(): StoreSnapshot {
    const all = [...this.issued.filter((stored) => stored !== undefined), ...this.others.values()].sort((a, b) => a.seq - b.seq);
    return { customers: all.map((stored) => ({ owner: stored.owner, customer: stored.customer })) };
  }

  /** The issue number of an id newCustomerId issued, or undefined for any other string. */
  private issueNumberOf(customerId: string): number | undefined {
    if (!TEN_DIGITS.test(customerId)) return undefined;
    const offset = (Number(customerId) - ID_FIRST - this.firstId + ID_SPACE) % ID_SPACE;
    const number = multiplyModulo(offset, ID_STEP_INVERSE, ID_SPACE);
    return number < this.issuedCount ? number : undefined;
  }

  /** Linear in the merchant's customers, but only the collision fault removes a customer, within a few dozen creates. */
  private remove(stored: StoredCustomer): void {
    const number = this.issueNumberOf(stored.customerId);
    if (number !== undefined && this.issued[number] === stored) this.issued[number] = undefined;
    else this.others.delete(stored.customerId);
    const index = this.indexOf(stored.owner);
    this.unindexExternalId(index, stored);
    index.customers.splice(index.customers.indexOf(stored), 1);
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

/**
 * The decimal digits of a ten-digit number, from two five-digit halves: small integers convert
 * from a cache, where a number past 2^31 takes the general (and several times dearer) conversion.
 */
function tenDigits(n: number): string {
  const high = Math.floor(n / 100_000);
  const low = n - high * 100_000;
  return `${high}${low < 10_000 ? String(low).padStart(5, '0') : low}`;
}

/** a × b mod m for a, b < m < 2^34, exactly: neither product below passes 2^53. */
function multiplyModulo(a: number, b: number, m: number): number {
  const high = Math.floor(b / 2 ** 17);
  const low = b % 2 ** 17;
  return ((((a * high) % m) * 2 ** 17) % m + ((a * low) % m)) % m;
}

/** The x with a × x ≡ 1 (mod m), for a coprime with m (extended Euclid, in BigInt: its products pass 2^53). */
function inverseModulo(a: number, m: number): number {
  let [r, nextR] = [BigInt(m), BigInt(a)];
  let [t, nextT] = [0n, 1n];
  while (nextR !== 0n) {
    const q = r / nextR;
    [r, nextR] = [nextR, r - q * nextR];
    [t, nextT] = [nextT, t - q * nextT];
  }
  if (r !== 1n) throw new Error(`${a} has no inverse modulo ${m}`);
  return Number(((t % BigInt(m)) + BigInt(m)) % BigInt(m));
}
