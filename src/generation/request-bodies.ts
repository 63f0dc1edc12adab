import type fc from 'fast-check';
import { valuesOf } from './named-values.ts';
import { memoOnSchema } from './memo-on-schema.ts';
import { schemaArbitrary } from './schema-arbitrary.ts';
import type { Schema } from './schema.ts';
import type { TextStyle } from './styled-text.ts';

export interface CreateBodyOptions {
  /** Every documented field, nested objects' too (the default), or any subset that keeps the schema's required ones. */
  fields?: 'all' | 'any';
  /** Properties never drawn: those the run sets itself (ids, its tag, upsert keys). */
  without?: readonly string[];
  style?: TextStyle;
}

/** Create bodies from the create operation's request schema, never null. */
export function createBodies(schema: Schema, options: CreateBodyOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  // The shaped schema is a new object each time: the arbitrary is kept on the one given.
  return memoOnSchema(schema, `create|${options.fields ?? 'all'}|${options.style ?? 'plain'}|${(options.without ?? []).join(',')}`, () => {
    const shaped = withoutProperties(schema, options.without ?? []);
    return schemaArbitrary(options.fields === 'any' ? shaped : requireAll(shaped), { nulls: false, style: options.style }) as fc.Arbitrary<Record<string, unknown>>;
  });
}

export interface UpdatePatchOptions {
  /** Nullable properties drawn null sometimes (the default), or never. */
  nulls?: boolean;
  without?: readonly string[];
  style?: TextStyle;
}

/** Update patches from the update operation's request schema: any subset of its properties. */
export function updatePatches(schema: Schema, options: UpdatePatchOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  return memoOnSchema(schema, `update|${options.nulls !== false}|${options.style ?? 'plain'}|${(options.without ?? []).join(',')}`, () => {
    const { required: _required, ...optional } = withoutProperties(schema, options.without ?? []);
    return schemaArbitrary(optional, { nulls: options.nulls !== false, style: options.style }) as fc.Arbitrary<Record<string, unknown>>;
  });
}

/** The schema without the named properties. */
export function withoutProperties(schema: Schema, names: readonly string[]): Schema {
  if (names.length === 0) return schema;
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([name]) => !names.includes(name)));
  return { ...schema, properties, ...(schema.required ? { required: schema.required.filter((name) => !names.includes(name)) } : {}) };
}

/**
 * Every property required, and those of nested objects: the body an update has most to get wrong
 * on. An object whose values a generator draws (x-conform-values) keeps its own: the generator
 * knows which of its parts go together.
 */
function requireAll(schema: Schema): Schema {
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, sub]) => [name, sub.properties && !valuesOf(sub, name) ? requireAll(sub) : sub]),
  );
  return { ...schema, properties, required: Object.keys(properties) };
}
