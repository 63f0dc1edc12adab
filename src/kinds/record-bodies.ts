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

/** The fields of the update operation's body that accept null, but those every write must carry. */
export function nullableFields(ctx: CheckContext): string[] {
  const { conform } = ctx.spec;
  const required = new Set(conform.update.requiredOnEveryWrite ?? []);
  const schema = requestSchema(ctx, conform.operations.update);
  return Object.entries(schema.properties ?? {})
    .filter(([name, sub]) => !required.has(name) && name !== conform.record.tag.field && acceptsNull(sub))
    .map(([name]) => name);
}

/** The fields every write must carry, taken from a stored or sent record. */
export function requiredOf(ctx: CheckContext, from: Data): Data {
  return Object.fromEntries((ctx.spec.conform.update.requiredOnEveryWrite ?? []).filter((f) => f in from).map((f) => [f, from[f]]));
}

function requestSchema(ctx: CheckContext, operationId: string): Schema {
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

/** The optional fields of the create body's schema (ids aside): those a record may hold no value for. */
export function optionalFields(ctx: CheckContext): string[] {
  const { conform } = ctx.spec;
  const schema = requestSchema(ctx, conform.operations.create);
  const required = new Set([...(schema.required ?? []), ...(conform.update.requiredOnEveryWrite ?? []), conform.record.id, ...conform.record.immutable]);
  return Object.keys(schema.properties ?? {}).filter((name) => !required.has(name));
}
