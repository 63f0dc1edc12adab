import { inspect, isDeepStrictEqual } from 'node:util';
import type fc from 'fast-check';
import { expectStatus } from './judge.ts';
import { dataOf, type Data } from './record-model.ts';
import { expectList, staleCandidate } from './stateful-lists.ts';
import { skipIfRefused } from './skip-if-refused.ts';
import { addNew, bodyFor, expectRead, judgeWrite, pick, rewrite, show, tagOf, type Scope, type System, type World } from './stateful-world.ts';

// The commands of the stateful kind. Each sends one request, checks the answer against the model
// and moves the model on. Records are named by index into the model (the target assigns the ids),
// so a shrunk sequence still names existing records; toString is what a counterexample shows.

abstract class Command implements fc.AsyncCommand<World, System> {
  /** Whether the command names a record of the model, so needs one. */
  protected readonly needsRecord: boolean = false;
  check(world: Readonly<World>): boolean {
    return !this.needsRecord || world.records.length > 0;
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

/** The scope's records whose tag equals `tag`, or with the target's reading of case, equals it but for case. */
function byTag(world: World, system: System, scope: Scope, tag: string, folded = world.tagFolds === true): World['records'] {
  const field = tagOf(system);
  const same = (v: unknown) => typeof v === 'string' && (folded ? v.toLowerCase() === tag.toLowerCase() : v === tag);
  return world.records.filter((r) => r.scope === scope && same(r.candidates[0]![field]));
}

/**
 * A create with a tag of the pool. With params.upserts, where the tag is an upsert key
 * (x-conform update.upsertKeys), a create carrying the tag of a record of the same scope updates it.
 */
export class Create extends Command {
  constructor(readonly scope: Scope, readonly slot: number, readonly body: Data) {
    super();
  }
  async run(world: World, system: System): Promise<void> {
    const { ctx, options } = system;
    const client = system.clients[this.scope];
    const tag = world.pool[this.slot % world.pool.length]!;
    const body = { ...this.body, [tagOf(system)]: tag };
    const what = `${system.noun(this.scope)}'s ${ctx.spec.conform.operations.create} with ${tagOf(system)} ${tag}`;
    const exact = options.upsertByTag ? byTag(world, system, this.scope, tag, false) : [];
    // A write may give a record a tag another holds in other letter case: against a target that
    // matches tags regardless of case, which of the two an upsert selects is not documented.
    if (options.upsertByTag && options.tagCaseOpen && world.tagFolds !== false && byTag(world, system, this.scope, tag, true).length > 1) return;
    const sibling = options.upsertByTag && options.tagCaseOpen && exact.length === 0 ? byTag(world, system, this.scope, tag, true)[0] : undefined;
    if (sibling && world.tagFolds === undefined) {
      // The first tag that differs from a stored one only in case: either answer is documented,
      // and what the target does (a new record, or an upsert of the sibling) pins the reading.
      const sent = bodyFor(system, sibling, body);
      const answer = client.recordOf(await client.create(sent), what);
      world.tagFolds = client.idOf(answer) === sibling.id;
      if (!world.tagFolds) return addNew(world, system, this.scope, answer, sent, what);
      return judgeWrite(system, sibling, sent, answer, `${what} (an upsert of record ${sibling.id}, the tag matched regardless of case)`);
    }
    const target = exact[0] ?? (sibling && world.tagFolds ? sibling : undefined);
    if (target) return rewrite(system, target, body, (sent) => client.create(sent), `${what} (an upsert of record ${target.id})`);
    const reply = await client.create(body);
    // A refused create is the create rules' to judge: the sequence does not apply (fast-check draws another).
    skipIfRefused(ctx, reply, `the create ${show(body).slice(0, 200)}`);
    const answer = client.recordOf(reply, what);
    // The answer is an earlier record of the sequence holding exactly what was sent: the target took
    // the create for a repeat. Whether a repeated create makes a second record is the create
    // rules' to judge, as a refusal is; the sequence does not apply.
    const repeated = world.records.find((r) => r.id === client.idOf(answer) && r.scope === this.scope);
    if (repeated?.candidates.some((c) => isDeepStrictEqual(c, dataOf(body, system.shape)))) ctx.skip(`the target answered the create ${show(body).slice(0, 200)} with the record ${repeated.id} made earlier from the same data`);
    addNew(world, system, this.scope, answer, body, what);
  }
  toString(): string {
    return `create(${this.scope}, pool[${this.slot}], ${show(this.body)})`;
  }
}

/** A create carrying the id of a record (x-conform update.upsertKeys): an upsert of its own scope's record; another scope's is 404 or a new record. */
export class UpsertById extends Command {
  constructor(readonly scope: Scope, readonly index: number, readonly body: Data) {
    super();
  }
  protected override readonly needsRecord = true;
  async run(world: World, system: System): Promise<void> {
    const target = pick(world, this.index);
    const client = system.clients[this.scope];
    const { id, tag } = system.ctx.spec.conform.record;
    const what = `${system.noun(this.scope)}'s ${system.ctx.spec.conform.operations.create} with ${id} ${target.id}`;
    if (target.scope === this.scope) {
      return rewrite(system, target, { ...this.body, [id]: target.id, [tag.field]: target.candidates[0]![tag.field] }, (sent) => client.create(sent), what);
    }
    // Another scope's record: 404, or a new record of the caller (the spec's x-ambiguity).
    const body = { ...this.body, [id]: target.id, [tag.field]: system.fresh() };
    const reply = await client.create(body);
    expectStatus(system.ctx, reply, [200, 201, 404], `${what} (${system.noun(target.scope)}'s record)`);
    if (reply.record) addNew(world, system, this.scope, reply.record, body, `${what} (${system.noun(target.scope)}'s record)`);
  }
  toString(): string {
    return `upsertById(${this.scope}, records[${this.index}], ${show(this.body)})`;
  }
}

export class Get extends Command {
  constructor(readonly scope: Scope, readonly index: number) {
    super();
  }
  protected override readonly needsRecord = true;
  async run(world: World, system: System): Promise<void> {
    const target = pick(world, this.index);
    const client = system.clients[this.scope];
    const what = `${system.noun(this.scope)}'s ${system.ctx.spec.conform.operations.get} ${target.id}`;
    const reply = await client.get(target.id);
    if (target.scope !== this.scope) return expectStatus(system.ctx, reply, [404], `${what} (${system.noun(target.scope)}'s record)`);
    expectRead(system, target, client.recordOf(reply, what), what);
  }
  toString(): string {
    return `get(${this.scope}, records[${this.index}])`;
  }
}

/**
 * An update: `patch` (some fields null), with params.retag maybe a new tag of the pool. With
 * `listed` (params.relist), the record is one the latest list showed, written by its own scope: a
 * client editing what it just listed, which is where a stale list shows. Another scope's update
 * gets 404 (and changes nothing, as the model's later reads show).
 */
export class Update extends Command {
  constructor(readonly scope: Scope, readonly index: number, readonly patch: Data, readonly newSlot: number | undefined, readonly listed: boolean) {
    super();
  }
  protected override readonly needsRecord = true;
  async run(world: World, system: System): Promise<void> {
    const { ctx, options } = system;
    const shown = this.listed ? world.lists.findLast((q) => q.ids.length > 0) : undefined;
    const fromList = shown ? world.records.find((r) => r.id === shown.ids[this.index % shown.ids.length]) : undefined;
    const target = fromList ?? pick(world, this.index);
    const scope = fromList ? fromList.scope : this.scope;
    const client = system.clients[scope];
    const field = tagOf(system);
    const what = `${system.noun(scope)}'s ${ctx.spec.conform.operations.update} ${target.id}`;
    if (target.scope !== scope) {
      const { [field]: _tag, ...patch } = this.patch;
      const reply = await client.update(target.id, { ...patch, ...(options.upsertByTag ? { [field]: system.fresh() } : {}) });
      return expectStatus(ctx, reply, [404], `${what} (${system.noun(target.scope)}'s record)`);
    }
    const body: Data = { ...this.patch };
    if (options.retag) {
      // A new tag only when no other record of the scope has it (what a taken one does is undocumented).
      const wanted = this.newSlot === undefined ? undefined : world.pool[this.newSlot % world.pool.length]!;
      const taken = wanted !== undefined && byTag(world, system, scope, wanted, false).some((r) => r !== target);
      body[field] = wanted !== undefined && !taken ? wanted : target.candidates[0]![field];
    }
    await rewrite(system, target, body, (sent) => client.update(target.id, sent), what);
  }
  toString(): string {
    const tag = this.newSlot === undefined ? '' : `, tag pool[${this.newSlot}]`;
    const target = this.listed ? `listed[${this.index}] (else ${this.scope}, records[${this.index}])` : `${this.scope}, records[${this.index}]`;
    return `update(${target}, ${show(this.patch)}${tag})`;
  }
}

/** Lists by a tag of the pool, or by a record's id; the answer must be exactly the model's matches. */
export class List extends Command {
  constructor(readonly scope: Scope, readonly by: 'tag' | 'id', readonly index: number) {
    super();
  }
  override check(world: Readonly<World>): boolean {
    return this.by === 'tag' || world.records.length > 0;
  }
  async run(world: World, system: System): Promise<void> {
    const { record } = system.ctx.spec.conform;
    const query = this.by === 'tag' ? { [record.tag.listFilter!]: world.pool[this.index % world.pool.length]! } : { [record.id]: pick(world, this.index).id };
    await expectList(world, system, this.scope, query);
  }
  toString(): string {
    return `list(${this.scope}, ${this.by === 'tag' ? `tag pool[${this.index}]` : `id of records[${this.index}]`})`;
  }
}

/**
 * An earlier list asked again: the latest one whose answer the model says has changed since (a
 * write in between), else the latest one. A client polling a list must see the writes.
 */
export class Relist extends Command {
  override check(world: Readonly<World>): boolean {
    return world.lists.length > 0;
  }
  async run(world: World, system: System): Promise<void> {
    const { scope, query } = staleCandidate(world, system);
    await expectList(world, system, scope, query);
  }
  toString(): string {
    return 'relist()';
  }
}
