import type { CheckContext } from '../runner/check-context.ts';
import type { OperationClient, Reply } from './operation-client.ts';
import { afterWrite, agreesWhereCarried, dataOf, differingFields, distinct, instantOf, missingFromEcho, withStoredValues, type Data, type RecordShape, type WriteRules } from './record-model.ts';

// What the stateful kind's commands share: the model of one sequence (World), what lives across
// the sequences of the rule (System), and the judging of one answer against the model.

export type Scope = 'primary' | 'other';

/** A record of the model. Its scope's credentials created it; the target assigned its id. */
export interface ModelRecord {
  scope: Scope;
  id: string;
  /** What it may hold: one state, or several where the docs are open, until the target shows which. */
  candidates: Data[];
  /** Its created and updated stamps as instants, as the last write's answer showed them. */
  created: unknown;
  updated: unknown;
}

export interface ListQuery {
  scope: Scope;
  query: Record<string, string>;
  ids: string[];
  /** The model's answer, serialised, to tell when it has changed since. */
  answer: string;
}

/** The model of one sequence: its records, its lists, and the tags it draws from. */
export interface World {
  records: ModelRecord[];
  /** A small pool of tags per sequence, with a prefix pair and a case pair: `…a`, `…ab`, `…A`, `…b`. */
  pool: string[];
  lists: ListQuery[];
  /**
   * With params.tagCase `undocumented`: whether the target matches tags regardless of letter
   * case, once it has shown it; undefined until a tag differing only in case is sent.
   */
  tagFolds?: boolean;
}

/** The rule's parameters, read once (stateful-model.ts says what each means). */
export interface Options {
  upsertByTag: boolean;
  upsertById: boolean;
  retag: boolean;
  postBack: boolean;
  partialAnswers: boolean;
  tagCaseOpen: boolean;
  listById: boolean;
  /** Whether a list that matches nothing may answer 404 (the list operation documents it). */
  list404: boolean;
  defaults: string[];
}

/** What lives across the sequences of the rule: the clients, and everything the target handed out. */
export interface System {
  ctx: CheckContext;
  clients: Record<Scope, OperationClient>;
  shape: RecordShape;
  rules: WriteRules;
  options: Options;
  /** Every id of the rule so far, with what made it: a new record must get an id no other has. */
  seen: Map<string, string>;
  /** Each scope's value of x-conform's scope field (tenantId, merchantId), as its first record showed it. */
  scopeValues: Partial<Record<Scope, unknown>>;
  /** A fresh tag outside every pool. */
  fresh(): string;
  /** How the answers name the scopes. */
  noun(scope: Scope): string;
}

export const show = (value: unknown) => JSON.stringify(value);
export const pick = (world: World, index: number) => world.records[index % world.records.length]!;
export const tagOf = (system: System) => system.ctx.spec.conform.record.tag.field;

/** The record's documented fields must be one of the model's candidates; the model then knows which. */
export function expectRead(system: System, record: ModelRecord, answer: Data, what: string): void {
  const ctx: CheckContext = system.ctx;
  const { shape, options } = system;
  expectIdentity(system, record, answer, what);
  const actual = dataOf(answer, shape);
  const match = record.candidates.find((c) => differingFields(actual, c, options.defaults).length === 0);
  if (!match) {
    const nearest = record.candidates[0]!;
    const fields = differingFields(actual, nearest, options.defaults);
    ctx.assert(false, `${what}: record ${record.id} does not hold what the model expects (${fields.join(', ')} ${fields.length === 1 ? 'differs' : 'differ'})`, {
      received: Object.fromEntries(fields.map((f) => [f, actual[f]])),
      expected: record.candidates.length === 1 ? Object.fromEntries(fields.map((f) => [f, nearest[f]])) : { anyOf: record.candidates },
    });
  }
  record.candidates = [match!];
  const { created, updated } = stampsOf(system, answer);
  ctx.assertEqual({ created, updated }, { created: record.created, updated: record.updated }, `${what}: record ${record.id}'s timestamps (as instants) are not those its last write answered`);
}

/** The answer names the record, and its scope field holds the value its scope's records show. */
function expectIdentity(system: System, record: ModelRecord, answer: Data, what: string): void {
  const ctx: CheckContext = system.ctx;
  const { id } = ctx.spec.conform.record;
  ctx.assertEqual(String(answer[id]), record.id, `${what} answered with another record`);
  const field = ctx.spec.conform.scope.field;
  const value = field === undefined ? undefined : answer[field];
  if (value === undefined || value === null) return;
  const known = (system.scopeValues[record.scope] ??= value);
  ctx.assertEqual(value, known, `${what}: ${system.noun(record.scope)}'s record ${record.id} shows another ${field}`);
}

export function stampsOf(system: System, answer: Data): { created: unknown; updated: unknown } {
  const { created, updated } = system.ctx.spec.conform.record.timestamps;
  return { created: instantOf(answer[created.field], created.encoding), updated: instantOf(answer[updated.field], updated.encoding) };
}

/** Adds a record the model says is new: its id must be one nobody has, its answer must show what was sent. */
export function addNew(world: World, system: System, scope: Scope, answer: Data, sent: Data, what: string): void {
  const ctx: CheckContext = system.ctx;
  const { shape } = system;
  const id = String(answer[ctx.spec.conform.record.id]);
  const owner = system.seen.get(id);
  ctx.assert(owner === undefined, `${what} made a new record with id ${id}, which ${owner} already had`, { received: id, expected: 'an id no other record has' });
  const record: ModelRecord = { scope, id, candidates: [dataOf(sent, shape)], ...stampsOf(system, answer) };
  if (system.options.partialAnswers) {
    const missing = missingFromEcho(dataOf(answer, shape), record.candidates[0]!);
    ctx.assert(missing.length === 0, `${what} must echo every submitted field (${missing.join(', ')} differ)`, { received: dataOf(answer, shape), expected: record.candidates[0] });
    expectIdentity(system, record, answer, what);
  } else expectRead(system, record, answer, what);
  system.seen.set(id, `${system.noun(scope)}'s record made by ${what}`);
  world.records.push(record);
}

/**
 * Writes `body` to a record of the model (an update, or a create that upserts it) and judges the
 * answer: whole, or with params.partialAnswers on the fields it carries.
 */
export async function rewrite(system: System, record: ModelRecord, body: Data, send: (sent: Data) => Promise<Reply>, what: string): Promise<void> {
  const sent = bodyFor(system, record, body);
  judgeWrite(system, record, sent, system.clients[record.scope].recordOf(await send(sent), what), what);
}

/** What a write of `body` to the record sends: with params.postBack the whole object, else the fields every write must carry too. */
export function bodyFor(system: System, record: ModelRecord, body: Data): Data {
  const stored = record.candidates[0]!;
  if (system.options.postBack) return withStoredValues(body, stored);
  const required = Object.fromEntries((system.ctx.spec.conform.update.requiredOnEveryWrite ?? []).filter((f) => f in stored).map((f) => [f, stored[f]]));
  return { ...required, ...body };
}

/** Judges the answer to a write of `sent` to the record, and moves the model on. */
export function judgeWrite(system: System, record: ModelRecord, sent: Data, answer: Data, what: string): void {
  const ctx: CheckContext = system.ctx;
  const { shape, rules, options } = system;
  expectIdentity(system, record, answer, what);
  const next = distinct(record.candidates.flatMap((c) => afterWrite(c, sent, shape, rules)));
  const before = { created: record.created, updated: record.updated };
  const after = stampsOf(system, answer);
  ctx.assertEqual(after.created, before.created, `${what}: record ${record.id}'s created stamp changed`);
  ctx.assert(typeof after.updated === 'number' && typeof before.updated === 'number' && after.updated >= before.updated, `${what}: record ${record.id}'s updated stamp went back`, {
    received: after.updated,
    expected: `>= ${String(before.updated)}`,
  });
  record.updated = after.updated;
  if (!options.partialAnswers) {
    record.candidates = next;
    return expectRead(system, record, answer, what);
  }
  const carried = next.filter((c) => agreesWhereCarried(answer, c, shape));
  ctx.assert(carried.length > 0, `${what}: the answer does not show the write (${show(sent)})`, { received: dataOf(answer, shape), expected: next.length === 1 ? next[0] : { anyOf: next } });
  record.candidates = carried;
}
