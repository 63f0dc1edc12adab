import fc from 'fast-check';
import { defineChecks } from '../../src/runner/check.ts';
import type { CheckContext } from '../../src/runner/check-context.ts';
import { createBody, orgNamespace, updatePatch } from '../../src/vendors/trustist/arbitraries.ts';
import { TrustistClient } from '../../src/vendors/trustist/client.ts';
import { key } from '../../src/vendors/trustist/credentials.ts';
import { createCustomer, expectOk, expectStatus, idsOf } from '../../src/vendors/trustist/expect.ts';
import {
  afterUpdate,
  agreesWhereCarried,
  fieldsOf,
  listShouldContain,
  matchOutcome,
  missingFromEcho,
  storedOnCreate,
  type Customer,
  type CustomerFields,
  type CustomerPatch,
} from '../../src/vendors/trustist/model.ts';
import { instant, parseTimestamp } from '../../src/vendors/trustist/timestamps.ts';

// trustist.model.stateful: random sequences of creates, gets, partial updates (with nulls),
// lists by orgId, and tenant B's attempts on tenant A's records, each checked against model.ts.
// fast-check shrinks a failing sequence to the fewest commands that still fail.

type Tenant = 'A' | 'B';

interface ModelRecord {
  tenant: Tenant;
  id: string;
  created: string;
  lastUpdated: string;
  /** What the record may hold: one state, or two where the docs are open (address merge or replace) until the target shows which. */
  candidates: CustomerFields[];
}

interface Model {
  records: ModelRecord[];
}

interface Real {
  ctx: CheckContext;
  clients: Record<Tenant, TrustistClient>;
  /** This sequence's orgIds: `x` is a prefix of `x-y`, `X` differs from `x` in case only. */
  orgIds: string[];
}

type Command = fc.AsyncCommand<Model, Real>;
const show = (value: unknown) => JSON.stringify(value);
const other = (tenant: Tenant): Tenant => (tenant === 'A' ? 'B' : 'A');
const pick = (m: Model, index: number) => m.records[index % m.records.length]!;

/** The record's documented fields must be one of the model's candidates; the model then knows which. */
function resolve(r: Real, record: ModelRecord, actual: Customer, where: string): void {
  const match = matchOutcome(record.candidates, fieldsOf(actual));
  r.ctx.assert(match !== undefined, `${where}: customer ${record.id} does not hold what the model expects`, {
    received: fieldsOf(actual),
    expected: record.candidates.length === 1 ? record.candidates[0] : { anyOf: record.candidates },
  });
  record.candidates = [match];
  r.ctx.assertEqual(
    { created: instant(actual.created), lastUpdated: instant(actual.lastUpdated) },
    { created: instant(record.created), lastUpdated: instant(record.lastUpdated) },
    `${where}: customer ${record.id}'s timestamps (as instants)`,
  );
}

class Create implements Command {
  constructor(readonly tenant: Tenant, readonly slot: number, readonly body: Record<string, unknown>) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const body = { ...this.body, orgId: r.orgIds[this.slot % r.orgIds.length] };
    // A refused create is judged by the create rules; the sequence is then skipped (see createCustomer).
    const created = await createCustomer(r.ctx, r.clients[this.tenant], body, { allowReusedId: true });
    const echo = missingFromEcho(storedOnCreate(body), fieldsOf(created));
    r.ctx.assert(echo.length === 0, `create must echo every submitted field (${echo.join(', ')} differ)`, { received: fieldsOf(created), expected: storedOnCreate(body) });
    r.ctx.assert(!m.records.some((x) => x.id === created.id), `create returned id ${created.id}, which an earlier customer of the sequence has`, { received: created.id, expected: 'a new id' });
    m.records.push({ tenant: this.tenant, id: created.id, created: created.created, lastUpdated: created.lastUpdated, candidates: [storedOnCreate(body)] });
  }
  toString = () => `create(${this.tenant}, org ${this.slot}, ${show(this.body)})`;
}

class Get implements Command {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.records.length > 0;
  async run(m: Model, r: Real) {
    const record = pick(m, this.index);
    const got = expectOk(r.ctx, await r.clients[record.tenant].getCustomer(record.id), `tenant ${record.tenant} reads its own customer`);
    r.ctx.assertEqual({ id: got.id }, { id: record.id }, 'get must return the customer asked for');
    resolve(r, record, got, 'get');
  }
  toString = () => `get(#${this.index})`;
}

class Update implements Command {
  constructor(readonly index: number, readonly patch: CustomerPatch) {}
  check = (m: Readonly<Model>) => m.records.length > 0;
  async run(m: Model, r: Real) {
    const record = pick(m, this.index);
    const answer = expectOk(r.ctx, await r.clients[record.tenant].updateCustomer(record.id, this.patch), 'an update of an existing customer must succeed');
    r.ctx.assertEqual({ id: answer.id, created: instant(answer.created) }, { id: record.id, created: instant(record.created) }, 'update must keep id and created');
    const [before, after] = [parseTimestamp(record.lastUpdated), parseTimestamp(answer.lastUpdated)];
    r.ctx.assert(before !== undefined && after !== undefined && after.ms >= before.ms, 'lastUpdated must not go back on update', { received: answer.lastUpdated, expected: `>= ${record.lastUpdated}` });
    const next = record.candidates.flatMap((c) => afterUpdate(c, this.patch)).filter((c, i, all) => all.findIndex((d) => show(d) === show(c)) === i);
    // The answer may leave out fields (the spec allows it): it narrows the candidates only by what it carries.
    const carried = next.filter((c) => agreesWhereCarried(c, answer));
    r.ctx.assert(carried.length > 0, `the update response does not show the update (${show(this.patch)})`, { received: fieldsOf(answer), expected: { anyOf: next } });
    record.candidates = carried;
    record.lastUpdated = answer.lastUpdated;
  }
  toString = () => `update(#${this.index}, ${show(this.patch)})`;
}

class List implements Command {
  constructor(readonly tenant: Tenant, readonly slot: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const orgId = r.orgIds[this.slot % r.orgIds.length]!;
    const list = await r.clients[this.tenant].listCustomers(orgId);
    expectStatus(r.ctx, list, [200], 'a list by orgId must succeed');
    const expected = m.records.filter((x) => listShouldContain({ tenant: x.tenant, fields: x.candidates[0]! }, { tenant: this.tenant, orgId }));
    r.ctx.assertEqual(idsOf(list.customers), expected.map((x) => x.id).sort(), `tenant ${this.tenant}'s list by orgId ${show(orgId)} must hold exactly its customers with that orgId`);
    for (const record of expected) resolve(r, record, list.customers.find((c) => c.id === record.id)!, 'list');
  }
  toString = () => `list(${this.tenant}, org ${this.slot})`;
}

class CrossGet implements Command {
  constructor(readonly index: number) {}
  check = (m: Readonly<Model>) => m.records.length > 0;
  async run(m: Model, r: Real) {
    const record = pick(m, this.index);
    expectStatus(r.ctx, await r.clients[other(record.tenant)].getCustomer(record.id), [404], "another tenant's key must get 404 for the customer");
  }
  toString = () => `crossGet(#${this.index})`;
}

class CrossUpdate implements Command {
  constructor(readonly index: number, readonly patch: CustomerPatch) {}
  check = (m: Readonly<Model>) => m.records.length > 0;
  async run(m: Model, r: Real) {
    const record = pick(m, this.index);
    expectStatus(r.ctx, await r.clients[other(record.tenant)].updateCustomer(record.id, this.patch), [404], "another tenant's update must get 404");
  }
  toString = () => `crossUpdate(#${this.index}, ${show(this.patch)})`;
}

export const statefulChecks = defineChecks('stateful', {
  'trustist.model.stateful': async (ctx: CheckContext) => {
    const clients = { A: new TrustistClient(ctx, key(ctx, 'tenantA')), B: new TrustistClient(ctx, key(ctx, 'tenantB')) };
    const tenant = fc.constantFrom<Tenant>('A', 'A', 'B');
    const slot = fc.nat({ max: 2 });
    const index = fc.nat();
    const commands = fc.commands(
      [
        // The orgId comes from the slot: the drawn suffix is dropped, so the counterexample shows what is sent.
        fc.tuple(tenant, slot, createBody(ctx.spec)).map(([t, s, { orgId: _suffix, ...b }]) => new Create(t, s, b)),
        index.map((i) => new Get(i)),
        fc.tuple(index, updatePatch(ctx.spec)).map(([i, p]) => new Update(i, p)),
        fc.tuple(index, updatePatch(ctx.spec)).map(([i, p]) => new Update(i, p)),
        fc.tuple(tenant, slot).map(([t, s]) => new List(t, s)),
        fc.tuple(tenant, slot).map(([t, s]) => new List(t, s)),
        index.map((i) => new CrossGet(i)),
        fc.tuple(index, updatePatch(ctx.spec)).map(([i, p]) => new CrossUpdate(i, p)),
      ],
      // Long enough for a create, an update and a list of the same record to meet (stale lists), and for ids to pile up.
      { maxCommands: 24, size: '+1' },
    );
    await ctx.property(commands, async (cmds) => {
      const ns = orgNamespace(ctx, 'model');
      await fc.asyncModelRun(() => ({ model: { records: [] }, real: { ctx, clients, orgIds: [`${ns}-x`, `${ns}-x-y`, `${ns}-X`] } }), cmds);
    });
  },
});
