import fc from 'fast-check';
import type { CheckContext } from '../runner/check-context.ts';
import type { Kind } from './kind.ts';
import { OperationClient } from './operation-client.ts';
import { bodiesParam, nestedNullableFields, nullableFields, objectBranch, requestSchema } from './record-bodies.ts';
import type { Data, RecordShape } from './record-model.ts';
import { Create, Get, List, Relist, Update, UpsertById } from './stateful-commands.ts';
import type { Options, Scope, System, World } from './stateful-world.ts';

type Weights = Record<'create' | 'upsert' | 'update' | 'get' | 'list' | 'listById' | 'relist', number>;
const WEIGHTS: Weights = { create: 2, upsert: 1, update: 3, get: 2, list: 2, listById: 1, relist: 3 };

/**
 * Model-based: random sequences of creates, gets, updates (some fields null) and lists by tag
 * (and by id, where the list operation takes the id as a query parameter), by the two accounts of
 * x-conform's scope, each answer checked against a model of the records built from the spec
 * (record-model.ts). The other account's get and update of a record get 404 and change nothing.
 * fast-check shrinks a failing sequence to the fewest commands that still fail.
 *
 * params: `upserts` a create carrying an upsert key (x-conform update.upsertKeys: the tag, the id)
 * of a record updates it; `retag` an update may give the record another tag of the pool;
 * `postBack` every write sends the whole record with its changes (the vendor's advice);
 * `partialAnswers` a create's answer need only echo what was sent and an update's is judged on
 * the fields it carries; `tagCase: undocumented` whether tags match regardless of case is open:
 * the first answer that shows it pins the reading; `defaults` fields the target may fill in when
 * a write leaves them unset; `relist` lists are asked again after writes, and updates mostly edit
 * what the latest list showed; `weights` of the commands, `scopeWeights` of the two accounts,
 * `maxCommands`, `maxNulls` (fields sent as null in one update).
 */
export const statefulModel: Kind = async (ctx: CheckContext, params) => {
  const { conform } = ctx.spec;
  const clients: Record<Scope, OperationClient> = { primary: new OperationClient(ctx, conform.scope.primary), other: new OperationClient(ctx, conform.scope.other) };
  void clients.other.credentials; // skips the rule, naming the variables, before anything is written
  const options = optionsOf(ctx, params);
  const extra = ctx.namespace('x');
  const system: System = {
    ctx,
    clients,
    shape: shapeOf(ctx),
    rules: { partial: conform.update.partial, ...(conform.update.nestedObjects === undefined ? {} : { nestedObjects: conform.update.nestedObjects }) },
    options,
    seen: new Map(),
    scopeValues: {},
    fresh: () => extra.next(),
    noun: (scope) => `${conform.scope.noun} ${conform.credentials[conform.scope[scope]]?.scope ?? conform.scope[scope]}`,
  };
  const weights: Weights = { ...WEIGHTS, ...(params.weights as Partial<Weights> | undefined) };
  const scopeWeights = { primary: 2, other: 1, ...(params.scopeWeights as Partial<Record<Scope, number>> | undefined) };
  const scope = fc.oneof({ weight: scopeWeights.primary, arbitrary: fc.constant<Scope>('primary') }, { weight: scopeWeights.other, arbitrary: fc.constant<Scope>('other') });
  const index = fc.nat(7);
  const slot = fc.nat(3);
  const { bodies } = bodiesParam(ctx, { ...params, subsets: true });
  const listed = options.relist ? fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) : fc.constant(false);
  const newSlot = options.retag ? fc.option(slot, { nil: undefined }) : fc.constant(undefined);
  const commands = [
    ...times(weights.create, fc.tuple(scope, slot, bodies).map(([s, k, b]) => new Create(s, k, b))),
    ...times(options.upsertById ? weights.upsert : 0, fc.tuple(scope, index, bodies).map(([s, i, b]) => new UpsertById(s, i, b))),
    ...times(weights.update, fc.tuple(scope, index, patches(ctx, system.shape, bodies, params), newSlot, listed).map(([s, i, p, k, l]) => new Update(s, i, p, k, l))),
    ...times(weights.get, fc.tuple(scope, index).map(([s, i]) => new Get(s, i))),
    ...times(conform.record.tag.listFilter === undefined ? 0 : weights.list, fc.tuple(scope, slot).map(([s, k]) => new List(s, 'tag', k))),
    ...times(options.listById ? weights.listById : 0, fc.tuple(scope, index).map(([s, i]) => new List(s, 'id', i))),
    ...times(options.relist ? weights.relist : 0, fc.constant(null).map(() => new Relist())),
  ];
  // Long enough for a create, an update and a list of the same record to meet (stale lists), and for ids to pile up.
  const sequences = fc.commands(commands, { maxCommands: typeof params.maxCommands === 'number' ? params.maxCommands : 24, size: 'max' });
  const ns = ctx.namespace('seq');
  await ctx.property(sequences, async (cmds) => {
    // A fresh tag namespace per sequence: the model starts empty, and so does the target's view of it.
    const root = ns.next();
    const world: World = { records: [], lists: [], pool: [`${root}a`, `${root}ab`, `${root}A`, `${root}b`] };
    await fc.asyncModelRun(() => ({ model: world, real: system }), cmds);
  });
};

function times<T>(n: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T>[] {
  return Array.from({ length: n }, () => arbitrary);
}

function optionsOf(ctx: CheckContext, params: Record<string, unknown>): Options & { relist: boolean } {
  const { conform } = ctx.spec;
  const keys = params.upserts === true ? (conform.update.upsertKeys ?? []) : [];
  const list = ctx.spec.validators.operation(conform.operations.list);
  const operation = (ctx.spec.spec.document.paths?.[list.path] as Record<string, { parameters?: { name?: string; in?: string }[]; responses?: Record<string, unknown> }> | undefined)?.[list.method.toLowerCase()];
  return {
    upsertByTag: keys.includes(conform.record.tag.field),
    upsertById: keys.includes(conform.record.id),
    retag: params.retag === true,
    postBack: params.postBack === true,
    partialAnswers: params.partialAnswers === true,
    tagCaseOpen: params.tagCase === 'undocumented',
    listById: (operation?.parameters ?? []).some((p) => p.in === 'query' && p.name === conform.record.id),
    list404: operation?.responses?.['404'] !== undefined,
    defaults: Array.isArray(params.defaults) ? (params.defaults as string[]) : [],
    relist: params.relist === true,
  };
}

/** The documented fields of a record: those of the create and update bodies, but the id, the immutable fields and the stamps. */
function shapeOf(ctx: CheckContext): RecordShape {
  const { conform } = ctx.spec;
  const system = new Set([conform.record.id, ...conform.record.immutable, conform.record.timestamps.created.field, conform.record.timestamps.updated.field]);
  const shape: RecordShape = { fields: [], objects: {} };
  for (const operationId of [conform.operations.create, conform.operations.update]) {
    for (const [field, schema] of Object.entries(requestSchema(ctx, operationId).properties ?? {})) {
      if (system.has(field)) continue;
      if (!shape.fields.includes(field)) shape.fields.push(field);
      const inner = Object.keys(objectBranch(schema).properties ?? {});
      if (inner.length > 0) shape.objects[field] = [...new Set([...(shape.objects[field] ?? []), ...inner])];
    }
  }
  return shape;
}

/**
 * Update bodies: any subset of a drawn body's updatable fields (the tag aside), an object field
 * cut to some of its fields where x-conform says how a partial object applies, and up to
 * params.maxNulls (default 4) fields that accept null sent as null, inner ones too.
 */
function patches(ctx: CheckContext, shape: RecordShape, bodies: fc.Arbitrary<Data>, params: Record<string, unknown>): fc.Arbitrary<Data> {
  const { conform } = ctx.spec;
  const updatable = new Set(Object.keys(requestSchema(ctx, conform.operations.update).properties ?? {}).filter((f) => shape.fields.includes(f) && f !== conform.record.tag.field));
  const nullable = [...nullableFields(ctx), ...nestedNullableFields(ctx)].filter((path) => updatable.has(path.split('.')[0]!));
  const inner = conform.update.nestedObjects === undefined ? [] : Object.entries(shape.objects).flatMap(([field, fields]) => fields.map((f) => `${field}.${f}`));
  const maxNulls = typeof params.maxNulls === 'number' ? params.maxNulls : 4;
  return fc.record({ body: bodies, kept: fc.subarray(inner), nulls: fc.subarray(nullable, { maxLength: maxNulls }) }).map(({ body, kept, nulls }) => {
    const patch: Data = {};
    for (const [field, value] of Object.entries(body)) {
      if (!updatable.has(field)) continue;
      const cut = inner.some((p) => p.startsWith(`${field}.`)) && typeof value === 'object' && value !== null;
      patch[field] = cut ? Object.fromEntries(Object.entries(value).filter(([f]) => kept.includes(`${field}.${f}`))) : value;
    }
    for (const path of nulls.filter((p) => p.includes('.'))) {
      const [field, leaf] = path.split('.') as [string, string];
      patch[field] = { ...(typeof patch[field] === 'object' && patch[field] !== null ? patch[field] : {}), [leaf]: null };
    }
    for (const field of nulls.filter((p) => !p.includes('.'))) patch[field] = null;
    return patch;
  });
}
