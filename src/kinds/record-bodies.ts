import fc from 'fast-check';
import type { CheckContext } from '../runner/check-context.ts';
import { acceptsNull, createBodies, type Schema } from '../generation/index.ts';
import { isObject, type Data } from './operation-client.ts';

/**
 * Create bodies for the rule's vendor, drawn from its create operation's request schema (whose
 * x-conform-values choose the values), without the fields the run sets itself (id, tag, upsert
 * keys): every documented field, the most an update can get wrong. params.bodies 'rich' draws
 * rich text instead (astral characters, combining marks, long names) and any subset of the
 * fields, for the rules about stored values.
 */
export function bodiesOf(ctx: CheckContext, params: Record<string, unknown> = {}): fc.Arbitrary<Data> {
  const { conform } = ctx.spec;
  const reserved = [conform.record.id, conform.record.tag.field, ...conform.record.immutable, ...(conform.update.upsertKeys ?? [])];
  if (params.bodies !== undefined && params.bodies !== 'rich') throw new Error(`${ctx.rule}: params.bodies may only be 'rich', not ${JSON.stringify(params.bodies)}`);
  const rich = params.bodies === 'rich';
  // fast-check draws some records without a prototype; a body is a plain object, as JSON gives.
  return createBodies(requestSchema(ctx, conform.operations.create), { fields: rich ? 'any' : 'all', style: rich ? 'rich' : 'plain', without: reserved }).map((body) => ({ ...body }));
}

/**
 * The bodies a kind sends: bodiesOf's (params.bodies names their variant), or with
 * params.subsets any subset of them (the create schema's required fields kept), so the fields a
 * create leaves unset are tried too; params.examples adds bodies every run tries first.
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
