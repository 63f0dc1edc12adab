import fc from 'fast-check';
import type { CheckContext } from '../runner/check-context.ts';
import { schemaArbitrary, type Schema } from '../generation/index.ts';
import { isObject, type Data } from './operation-client.ts';

type Bodies = (ctx: CheckContext, variant?: string) => fc.Arbitrary<Data>;
const registered = new Map<string, Bodies>();

/**
 * A vendor's own arbitrary of create bodies (its domain values: real dates, countries, fictional
 * e-mail addresses), registered by its folder; the generic kinds draw from it. A vendor without
 * one gets bodies derived from its create operation's request schema. A rule's params.bodies
 * names a variant of the vendor's own (e.g. richer text for the rules about stored values).
 */
export function registerBodies(vendor: string, bodies: Bodies): void {
  registered.set(vendor, bodies);
}

/** Create bodies for the rule's vendor, without the fields the run sets itself (id, tag, upsert keys). */
export function bodiesOf(ctx: CheckContext, params: Record<string, unknown> = {}): fc.Arbitrary<Data> {
  const { conform } = ctx.spec;
  const reserved = new Set([conform.record.id, conform.record.tag.field, ...conform.record.immutable, ...(conform.update.upsertKeys ?? [])]);
  const own = registered.get(ctx.spec.spec.vendor);
  if (own) return own(ctx, typeof params.bodies === 'string' ? params.bodies : undefined).map((body) => Object.fromEntries(Object.entries(body).filter(([name, value]) => !reserved.has(name) && value !== undefined)));
  const schema = requestSchema(ctx, conform.operations.create);
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([name]) => !reserved.has(name)));
  return schemaArbitrary({ ...schema, properties }, { nulls: false }).map((body) => body as Data);
}

/**
 * The bodies a kind sends: the vendor's (or the schema's; params.bodies names a variant of the
 * vendor's own) with every field, or with params.subsets
 * any subset of them (the create schema's required fields kept), so the fields a create leaves
 * unset are tried too; params.examples adds bodies every run tries first.
 */
export function bodiesParam(ctx: CheckContext, params: Record<string, unknown>): { bodies: fc.Arbitrary<Data>; examples: Data[] } {
  const required = new Set(requestSchema(ctx, ctx.spec.conform.operations.create).required ?? []);
  const bodies =
    params.subsets === true
      ? bodiesOf(ctx, params).chain((body) => fc.subarray(Object.keys(body).filter((k) => !required.has(k))).map((kept) => Object.fromEntries(Object.entries(body).filter(([k]) => required.has(k) || kept.includes(k)))))
      : bodiesOf(ctx, params);
  const examples = params.examples ?? [];
  if (!Array.isArray(examples) || !examples.every(isObject)) throw new Error(`${ctx.rule}: params.examples must list bodies, not ${JSON.stringify(examples)}`);
  return { bodies, examples };
}

/**
 * With params.subsets, a drawn body the target refuses (a 4xx but 401 and 403, which refuse the
 * key) does not apply to the rule in hand: whether every subset must be accepted is its own rule.
 */
export function skipRefusedSubset(ctx: CheckContext, params: Record<string, unknown>, status: number, body: Data): void {
  if (params.subsets === true && status >= 400 && status < 500 && status !== 401 && status !== 403) {
    ctx.skip(`the target refused (${status}) the create body ${JSON.stringify(Object.keys(body))}`);
  }
}

/** The fields of the update operation's body that accept null, but those every write must carry. */
export function nullableFields(ctx: CheckContext): string[] {
  const { conform } = ctx.spec;
  const required = new Set(conform.update.requiredOnEveryWrite ?? []);
  const schema = requestSchema(ctx, conform.operations.update);
  return Object.entries(schema.properties ?? {})
    .filter(([name, sub]) => !required.has(name) && name !== conform.record.tag.field && acceptsNull(sub))
    .map(([name]) => name);
}

/**
 * The fields of the update body's object fields that accept null, as dotted paths (address.city),
 * when x-conform says how an update applies a partial object; otherwise none.
 */
export function nestedNullableFields(ctx: CheckContext): string[] {
  const { conform } = ctx.spec;
  if (conform.update.nestedObjects === undefined) return [];
  const required = new Set(conform.update.requiredOnEveryWrite ?? []);
  const schema = requestSchema(ctx, conform.operations.update);
  return Object.entries(schema.properties ?? {})
    .filter(([name]) => !required.has(name) && name !== conform.record.tag.field)
    .flatMap(([name, sub]) => Object.entries(objectBranch(sub).properties ?? {}).filter(([, leaf]) => acceptsNull(leaf)).map(([leaf]) => `${name}.${leaf}`));
}

/** The object branch of a schema (itself, or the object of an anyOf or oneOf with null). */
export function objectBranch(schema: Schema): Schema {
  if (schema.properties) return schema;
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].find((s) => s.properties) ?? {};
}

/** The fields every write must carry, taken from a stored or sent record. */
export function requiredOf(ctx: CheckContext, from: Data): Data {
  return Object.fromEntries((ctx.spec.conform.update.requiredOnEveryWrite ?? []).filter((f) => f in from).map((f) => [f, from[f]]));
}

export function requestSchema(ctx: CheckContext, operationId: string): Schema {
  const op = ctx.spec.spec.document.paths ?? {};
  const { method, path } = ctx.spec.validators.operation(operationId);
  const operation = (op[path] as Record<string, unknown> | undefined)?.[method.toLowerCase()] as { requestBody?: { content?: Record<string, { schema?: unknown }> } } | undefined;
  const schema = operation?.requestBody?.content?.['application/json']?.schema;
  if (!isObject(schema)) throw new Error(`${operationId} documents no JSON request body in ${ctx.spec.spec.path}`);
  return schema as Schema;
}

function acceptsNull(schema: Schema): boolean {
  if (schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null'))) return true;
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].some(acceptsNull);
}
