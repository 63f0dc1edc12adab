import { inspect } from 'node:util';
import type fc from 'fast-check';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { assertData } from '../../src/vendors/trustly/assert-data.ts';
import type { Customer, Merchant, Reply, TrustlyClient } from '../../src/vendors/trustly/client.ts';
import { expectStatus } from '../../src/kinds/judge.ts';
import { customerOf, customersOf } from '../../src/vendors/trustly/expect-reply.ts';
import {
  applyWrite, createdData, listByCustomerId, listByExternalId, resolveUpsert, takesOthersExternalId, withStoredValues,
  type Body, type ModelCustomer, type OptionalField,
} from '../../src/vendors/trustly/model.ts';

// The commands of trustly.model.stateful. Each sends one request, checks the answer against the
// suite's model (model.ts) and moves the model on. Customers are named by index into the model
// (the target assigns the ids), so a shrunk sequence still names existing customers.

/** The model of one sequence: its customers, and the externalIds it draws from. */
export interface World {
  customers: ModelCustomer[];
  /** A small pool per sequence, with a prefix pair and a case pair: `…a`, `…ab`, `…A`, `…b`. */
  pool: string[];
  /** The sequence's list queries, latest last, with the model's answer when each was asked. */
  lists: ListQuery[];
  /**
   * Whether the target matches externalIds regardless of letter case, once it has shown it (the
   * docs do not say; the spec's x-ambiguity): undefined until a key differing only in case is sent.
   */
  caseInsensitive?: boolean;
}

/** The merchant's customer whose externalId equals `key` but for letter case, when none equals it exactly. */
function caseSibling(world: World, merchant: Merchant, key: string): ModelCustomer | undefined {
  const own = world.customers.filter((c) => c.merchant === merchant && typeof c.data.externalId === 'string');
  if (own.some((c) => c.data.externalId === key)) return undefined;
  const matches = own.filter((c) => (c.data.externalId as string).toLowerCase() === key.toLowerCase());
  return matches.length === 1 ? matches[0] : undefined;
}

/** How many of the merchant's customers hold `key` as externalId, letter case aside. */
function foldedMatches(world: World, merchant: Merchant, key: string): number {
  return world.customers.filter((c) => c.merchant === merchant && typeof c.data.externalId === 'string' && c.data.externalId.toLowerCase() === key.toLowerCase()).length;
}

export interface ListQuery {
  merchant: Merchant;
  filter: Record<string, string>;
  ids: string[];
  /** The model's answer, serialised, to tell when it has changed since. */
  answer: string;
}

/** What lives across the sequences of the check: the clients and everything the target handed out. */
export interface System {
  ctx: CheckContext;
  clients: Record<Merchant, TrustlyClient>;
  /** Every customerId of the check so far: a new customer must get an id no other has. */
  seen: Map<string, string>;
  /** Each merchant's merchantId, as its first customer showed it. */
  merchantIds: Partial<Record<Merchant, string>>;
  /** Timestamps last seen per customerId: createdAt never changes, updatedAt never goes back. */
  times: Map<string, { createdAt: number; updatedAt: number }>;
  /** A fresh tagged externalId outside every pool. */
  fresh(): string;
}

abstract class TrustlyCommand implements fc.AsyncCommand<World, System> {
  /** Whether the command names a customer of the model, so needs one. */
  protected readonly needsCustomer: boolean = false;
  check(world: Readonly<World>): boolean {
    return !this.needsCustomer || world.customers.length > 0;
  }
  abstract run(world: World, system: System): Promise<void>;
  abstract toString(): string;
  [inspect.custom](): string {
    return this.toString();
  }
  toJSON(): string {
    return this.toString();
  }
}

const short = (body: Body) => JSON.stringify(body);

/** Checks a returned customer against the model's, and learns its merchantId and times. */
function expectMatches(system: System, customer: Customer, model: ModelCustomer, what: string): void {
  const ctx: CheckContext = system.ctx;
  ctx.assertEqual(customer.customerId, model.customerId, `${what} answered with another customer`);
  const merchantId = (system.merchantIds[model.merchant as Merchant] ??= customer.merchantId);
  ctx.assertEqual(customer.merchantId, merchantId, `${what}: merchant ${model.merchant}'s customer ${customer.customerId} shows another merchantId`);
  assertData(ctx, customer, model.data, `${what} disagrees with the model`);
  const known = system.times.get(customer.customerId);
  if (known) {
    ctx.assertEqual(customer.createdAt, known.createdAt, `${what}: createdAt of customer ${customer.customerId} changed`);
    ctx.assert(customer.updatedAt >= known.updatedAt, `${what}: updatedAt of customer ${customer.customerId} went back`, { received: customer.updatedAt, expected: `>= ${known.updatedAt}` });
  }
  system.times.set(customer.customerId, { createdAt: customer.createdAt, updatedAt: customer.updatedAt });
}

/** Adds a customer the model says is new: its id must be one nobody has. */
function addNew(world: World, system: System, merchant: Merchant, customer: Customer, data: Body, what: string): void {
  const ctx: CheckContext = system.ctx;
  const owner = system.seen.get(customer.customerId);
  ctx.assert(owner === undefined, `${what} made a new customer with customerId ${customer.customerId}, which ${owner} already had`, {
    received: customer.customerId,
    expected: 'a customerId no other customer has',
  });
  const model: ModelCustomer = { merchant, customerId: customer.customerId, data: createdData(data) };
  expectMatches(system, customer, model, what);
  system.seen.set(customer.customerId, `merchant ${merchant}'s customer created by ${what}`);
  world.customers.push(model);
}

const pick = (world: World, index: number) => world.customers[index % world.customers.length]!;

/** Writes `body` with the customer's stored values filled in (the vendor's advice: post the whole object back), and moves the model on. */
async function rewrite(system: System, target: ModelCustomer, body: Body, send: (sent: Body) => Promise<Reply>, what: string): Promise<void> {
  const sent = withStoredValues(body, target.data);
  const customer = customerOf(system.ctx, await send(sent), what);
  target.data = applyWrite(target.data, sent);
  expectMatches(system, customer, target, what);
}

/** `POST /api/v1/customers` with a pool externalId: a create, or an upsert of the merchant's customer with it. */
export class Create extends TrustlyCommand {
  constructor(readonly merchant: Merchant, readonly key: number, readonly body: Body) {
    super();
  }
  async run(world: World, system: System): Promise<void> {
    const body = { ...this.body, externalId: world.pool[this.key % world.pool.length] };
    let resolution = resolveUpsert(world.customers, this.merchant, body);
    if (resolution.kind === 'open') return; // cannot happen: pool keys name at most one customer per merchant
    // An update may give a customer a key another one holds in other letter case (it checks the
    // key exactly): against a target that matches keys regardless of case, which of the two an
    // upsert with that key selects is not documented, so nothing is sent.
    if (world.caseInsensitive !== false && foldedMatches(world, this.merchant, body.externalId!) > 1) return;
    const what = `merchant ${this.merchant}'s POST /api/v1/customers with externalId ${body.externalId}`;
    const sibling = resolution.kind === 'create' ? caseSibling(world, this.merchant, body.externalId!) : undefined;
    if (sibling && world.caseInsensitive === undefined) {
      // The first key that differs from a stored one only in case: either answer is documented.
      // What the target does (a new customer, or an upsert of the sibling) pins the reading.
      const sent = withStoredValues(body, sibling.data);
      const customer = customerOf(system.ctx, await system.clients[this.merchant].createOrUpdate(sent), what);
      world.caseInsensitive = customer.customerId === sibling.customerId;
      if (!world.caseInsensitive) return addNew(world, system, this.merchant, customer, sent, what);
      sibling.data = applyWrite(sibling.data, sent);
      return expectMatches(system, customer, sibling, `${what} (an upsert of customer ${sibling.customerId}, externalId matched regardless of case)`);
    }
    if (sibling && world.caseInsensitive) resolution = { kind: 'update', customer: sibling };
    if (resolution.kind === 'create') {
      const customer = customerOf(system.ctx, await system.clients[this.merchant].createOrUpdate(body), what);
      return addNew(world, system, this.merchant, customer, body, what);
    }
    const target = resolution.customer;
    await rewrite(system, target, body, (sent) => system.clients[this.merchant].createOrUpdate(sent), `${what} (an upsert of customer ${target.customerId})`);
  }
  toString(): string {
    return `create(${this.merchant}, pool[${this.key}], ${short(this.body)})`;
  }
}

/** `POST /api/v1/customers` carrying the customerId of a customer of either merchant. */
export class UpsertByCustomerId extends TrustlyCommand {
  constructor(readonly merchant: Merchant, readonly index: number, readonly body: Body) {
    super();
  }
  protected override readonly needsCustomer = true;
  async run(world: World, system: System): Promise<void> {
    const target = pick(world, this.index);
    const client = system.clients[this.merchant];
    const what = `merchant ${this.merchant}'s POST /api/v1/customers with customerId ${target.customerId}`;
    if (target.merchant === this.merchant) {
      return rewrite(system, target, { ...this.body, customerId: target.customerId, externalId: target.data.externalId }, (sent) => client.createOrUpdate(sent), what);
    }
    // Another merchant's customer: 404, or a new customer of the caller (the spec's ambiguity note).
    const body = { ...this.body, customerId: target.customerId, externalId: system.fresh() };
    const reply = await client.createOrUpdate(body);
    expectStatus(system.ctx, reply, [200, 404], `${what} (merchant ${target.merchant}'s customer)`);
    if (reply.customer) addNew(world, system, this.merchant, reply.customer, body, `${what} (merchant ${target.merchant}'s customer)`);
  }
  toString(): string {
    return `upsertByCustomerId(${this.merchant}, customers[${this.index}], ${short(this.body)})`;
  }
}

/**
 * `POST /api/v1/customers/{id}`: the whole object posted back with changes, some properties null,
 * maybe a new pool externalId. With `listed`, the target is a customer the last list showed,
 * edited by its own merchant (a client editing what it just listed, which is where a stale list shows).
 */
export class Update extends TrustlyCommand {
  constructor(
    readonly merchant: Merchant,
    readonly index: number,
    readonly changes: Body,
    readonly nulls: OptionalField[],
    readonly newKey: number | undefined,
    readonly listed: boolean,
  ) {
    super();
  }
  protected override readonly needsCustomer = true;
  async run(world: World, system: System): Promise<void> {
    const shown = this.listed ? world.lists.findLast((q) => q.ids.length > 0) : undefined;
    const fromList = shown ? world.customers.find((c) => c.customerId === shown.ids[this.index % shown.ids.length]) : undefined;
    const target = fromList ?? pick(world, this.index);
    const merchant = fromList ? (fromList.merchant as Merchant) : this.merchant;
    const client = system.clients[merchant];
    const what = `merchant ${merchant}'s POST /api/v1/customers/${target.customerId}`;
    if (target.merchant !== merchant) {
      const reply = await client.update(target.customerId, { ...this.changes, externalId: system.fresh() });
      return expectStatus(system.ctx, reply, [404], `${what} (merchant ${target.merchant}'s customer)`);
    }
    const body: Body = { ...this.changes };
    for (const field of this.nulls) body[field] = null;
    // A new externalId only when no other customer of the merchant has it (uniqueness is undocumented ground).
    const wanted = this.newKey === undefined ? undefined : world.pool[this.newKey % world.pool.length];
    body.externalId = wanted !== undefined && !takesOthersExternalId(world.customers, target, { externalId: wanted }) ? wanted : target.data.externalId;
    await rewrite(system, target, body, (sent) => client.update(target.customerId, sent), what);
  }
  toString(): string {
    const nulls = this.nulls.length ? `, null: ${this.nulls.join('/')}` : '';
    const key = this.newKey === undefined ? '' : `, externalId: pool[${this.newKey}]`;
    const target = this.listed ? `listed[${this.index}] (else ${this.merchant}, customers[${this.index}])` : `${this.merchant}, customers[${this.index}]`;
    return `update(${target}, ${short(this.changes)}${nulls}${key})`;
  }
}

export class Get extends TrustlyCommand {
  constructor(readonly merchant: Merchant, readonly index: number) {
    super();
  }
  protected override readonly needsCustomer = true;
  async run(world: World, system: System): Promise<void> {
    const target = pick(world, this.index);
    const what = `merchant ${this.merchant}'s GET /api/v1/customers/${target.customerId}`;
    const reply = await system.clients[this.merchant].get(target.customerId);
    if (target.merchant !== this.merchant) return expectStatus(system.ctx, reply, [404], `${what} (merchant ${target.merchant}'s customer)`);
    expectMatches(system, customerOf(system.ctx, reply, what), target, what);
  }
  toString(): string {
    return `get(${this.merchant}, customers[${this.index}])`;
  }
}

function modelAnswer(world: World, merchant: Merchant, filter: Record<string, string>): ModelCustomer[] {
  if (filter.externalId !== undefined && world.caseInsensitive) {
    const key = filter.externalId.toLowerCase();
    return world.customers.filter((c) => c.merchant === merchant && typeof c.data.externalId === 'string' && c.data.externalId.toLowerCase() === key);
  }
  return filter.externalId !== undefined ? listByExternalId(world.customers, merchant, filter.externalId) : listByCustomerId(world.customers, merchant, filter.customerId!);
}

const serialise = (customers: ModelCustomer[]) => JSON.stringify(customers.map((c) => [c.customerId, c.data]));

/** Checks a list answer against the model's matches for the same query. */
async function expectList(world: World, system: System, merchant: Merchant, filter: Record<string, string>): Promise<void> {
  let expected = modelAnswer(world, merchant, filter);
  const what = `merchant ${merchant}'s GET /api/v1/customers?${new URLSearchParams(filter)}`;
  const listed = customersOf(system.ctx, await system.clients[merchant].list(filter), what);
  if (filter.externalId !== undefined && world.caseInsensitive === undefined) {
    // Case in externalId matching is undocumented: a list that answers the case-folded matches pins that reading.
    const folded = modelAnswer({ ...world, caseInsensitive: true }, merchant, filter);
    const ids = (cs: { customerId: string }[]) => JSON.stringify(cs.map((c) => c.customerId).sort());
    if (ids(folded) !== ids(expected) && ids(listed) === ids(folded)) {
      world.caseInsensitive = true;
      expected = folded;
    }
  }
  system.ctx.assertEqual(listed.map((c) => c.customerId).sort(), expected.map((c) => c.customerId).sort(), `${what} did not return exactly the model's matches`);
  for (const customer of listed) expectMatches(system, customer, expected.find((m) => m.customerId === customer.customerId)!, what);
  world.lists.push({ merchant, filter, ids: expected.map((c) => c.customerId), answer: serialise(expected) });
}

/** Lists by a pool externalId or by a customer's id; the answer must be exactly the model's matches. */
export class List extends TrustlyCommand {
  constructor(readonly merchant: Merchant, readonly by: 'externalId' | 'customerId', readonly index: number) {
    super();
  }
  override check(world: Readonly<World>): boolean {
    return this.by === 'externalId' || world.customers.length > 0;
  }
  async run(world: World, system: System): Promise<void> {
    const value = this.by === 'externalId' ? world.pool[this.index % world.pool.length]! : pick(world, this.index).customerId;
    await expectList(world, system, this.merchant, { [this.by]: value });
  }
  toString(): string {
    return `list(${this.merchant}, ${this.by === 'externalId' ? `externalId = pool[${this.index}]` : `customerId of customers[${this.index}]`})`;
  }
}

/**
 * An earlier list query asked again: the latest one whose answer the model says has changed since
 * (a write in between), else the latest one. A client polling a list must see the writes.
 */
export class Relist extends TrustlyCommand {
  override check(world: Readonly<World>): boolean {
    return world.lists.length > 0;
  }
  async run(world: World, system: System): Promise<void> {
    const changed = world.lists.findLast((q) => serialise(modelAnswer(world, q.merchant, q.filter)) !== q.answer);
    const { merchant, filter } = changed ?? world.lists[world.lists.length - 1]!;
    await expectList(world, system, merchant, filter);
  }
  toString(): string {
    return 'relist()';
  }
}
