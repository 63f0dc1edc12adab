import fc from 'fast-check';
import { impossibleDate } from './invalid-values.ts';
import { memoOnSchema } from './memo-on-schema.ts';
import { schemaArbitrary, typesOf, type Schema, type SchemaArbitraryOptions } from './schema-arbitrary.ts';

/** A value that breaks its schema in one known place. */
export interface InvalidValue {
  value: unknown;
  /** JSON pointer of the broken part. */
  pointer: string;
  /** What was broken, e.g. "wrong type (number for string)". */
  mutation: string;
}

/** What a mutation breaks: a JSON type (null apart), null where none is allowed, a required property, a minimum length, an enum, a format. */
export type MutationKind = 'wrong-type' | 'null' | 'missing' | 'empty' | 'enum' | 'format';

/** One way to break a valid value: `apply` draws the broken copy of a valid one. */
export interface Mutation {
  pointer: string;
  mutation: string;
  kind: MutationKind;
  apply: (valid: Record<string, unknown>) => fc.Arbitrary<unknown>;
}

const SAMPLES: Record<string, fc.Arbitrary<unknown>> = {
  string: fc.string({ minLength: 1, maxLength: 8 }),
  number: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  integer: fc.integer(),
  boolean: fc.boolean(),
  object: fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }).filter((k) => !['__proto__', 'constructor'].includes(k)), fc.string(), { maxKeys: 2 }),
  array: fc.array(fc.string(), { maxLength: 2 }),
  null: fc.constant(null),
};

const BAD_FORMATS: Record<string, fc.Arbitrary<string>> = {
  // Each is shaped almost right, so a lax check (a regex on digits) lets it through.
  date: impossibleDate(),
  'date-time': fc.constantFrom('2025-01-21 14:30:00', '2025-13-21T14:30:00Z', 'yesterday'),
  email: fc.constantFrom('not-an-email', 'a@', '@b.com'),
  uri: fc.constantFrom('not a url', 'http//x', '/relative/path'),
  uuid: fc.constantFrom('not-a-uuid', '1234'),
};

/**
 * Arbitrary of objects that are valid against `schema` but for one mutation: a property of a
 * JSON type the schema forbids, a required property missing, a string under its minimum length,
 * a value outside its enum, or a string in the wrong format. Depth: the object's own properties
 * and those of its object-valued properties.
 */
export function invalidArbitrary(schema: Schema, options: SchemaArbitraryOptions = {}, only?: (m: { pointer: string; mutation: string; kind: MutationKind }) => boolean): fc.Arbitrary<InvalidValue> {
  const mutations = memoOnSchema(schema, 'mutations', () => mutationsOf(schema)).filter((m) => !only || only(m));
  if (mutations.length === 0) throw new Error('invalidArbitrary: the schema admits no mutation');
  const valid = schemaArbitrary(schema, { ...options, nulls: false }) as fc.Arbitrary<Record<string, unknown>>;
  return fc.tuple(valid, fc.constantFrom(...mutations)).chain(([base, m]) => m.apply(base).map((value) => ({ value, pointer: m.pointer, mutation: m.mutation })));
}

/** Every mutation of an object valid against `schema`: its own properties and those of its object-valued ones. */
export function mutationsOf(schema: Schema, pointer = '', depth = 0): Mutation[] {
  const out: Mutation[] = [];
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const at = `${pointer}/${name}`;
    const allowed = new Set(typesOf(child));
    if (allowed.has('number')) allowed.add('integer');
    for (const [type, sample] of Object.entries(SAMPLES)) {
      if (allowed.size === 0 || allowed.has(type) || (type === 'integer' && allowed.has('number'))) continue;
      out.push({ pointer: at, mutation: `wrong type (${type} for ${[...typesOf(child)].join(' or ')})`, kind: type === 'null' ? 'null' : 'wrong-type', apply: (base) => sample.map((v) => setAt(base, at, v)) });
    }
    if (schema.required?.includes(name)) out.push({ pointer: at, mutation: 'required property missing', kind: 'missing', apply: (base) => fc.constant(setAt(base, at, undefined)) });
    if (typeof child.minLength === 'number' && child.minLength > 0) out.push({ pointer: at, mutation: 'empty string', kind: 'empty', apply: (base) => fc.constant(setAt(base, at, '')) });
    if (child.enum && child.enum.every((e) => typeof e === 'string')) {
      const known = new Set(child.enum);
      const outside = fc.stringMatching(/^[A-Za-z]{1,3}$/).filter((s) => !known.has(s));
      out.push({ pointer: at, mutation: 'value outside the enum', kind: 'enum', apply: (base) => outside.map((v) => setAt(base, at, v)) });
    }
    const bad = child.format ? BAD_FORMATS[child.format] : undefined;
    if (bad) out.push({ pointer: at, mutation: `not a valid ${child.format}`, kind: 'format', apply: (base) => bad.map((v) => setAt(base, at, v)) });
    const nested = objectBranch(child);
    if (nested && depth < 1) out.push(...mutationsOf(nested, at, depth + 1));
  }
  return out;
}

/** The object schema inside a property that may also be null. */
function objectBranch(schema: Schema): Schema | undefined {
  if (schema.properties) return schema;
  return (schema.anyOf ?? schema.oneOf)?.find((b) => b.properties);
}

/** A copy of `base` with the value at `pointer` set (undefined deletes); missing parents are created. */
export function setAt(base: Record<string, unknown>, pointer: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(base);
  const keys = pointer.split('/').slice(1);
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null || Array.isArray(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}
