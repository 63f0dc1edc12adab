import fc from 'fast-check';
import { namedValues, valuesOf } from './named-values.ts';
import { acceptsNull, typesOf, type Schema } from './schema.ts';
import type { TextStyle } from './styled-text.ts';
import { calendarDate } from './dates.ts';
import { httpsUrl } from './https-url.ts';
import { memoOnSchema } from './memo-on-schema.ts';

export { typesOf, type Schema } from './schema.ts';
export { calendarDate } from './dates.ts';

/**
 * Domain refinement: given the JSON pointer of a value (e.g. `/address/country`) and its schema,
 * return the arbitrary to use there, or undefined to derive one from the schema.
 */
export type Refine = (pointer: string, schema: Schema) => fc.Arbitrary<unknown> | undefined;

export interface SchemaArbitraryOptions {
  refine?: Refine;
  /** Allow `null` where the schema allows it (default true): drawn once in four there. */
  nulls?: boolean;
  /** The text of the named generators that have a style: plain (the default), or rich for the rules about stored values. */
  style?: TextStyle;
}

/** Where null is allowed, a value is drawn three times as often: most draws exercise the value. */
const weighed = (arbitrary: fc.Arbitrary<unknown>, isNull: boolean) => ({ weight: isNull ? 1 : 3, arbitrary });

/**
 * Arbitrary of values valid against `schema`, drawn where the schema names them (x-conform-values)
 * by the named generator. Unsupported constructs throw, naming the pointer. Built once per schema
 * object and options (memo-on-schema.ts), but with a refine function, which may answer anything.
 */
export function schemaArbitrary(schema: Schema, options: SchemaArbitraryOptions = {}, pointer = ''): fc.Arbitrary<unknown> {
  if (options.refine) return derive(schema, options, pointer);
  return memoOnSchema(schema, `values|${options.nulls !== false}|${options.style ?? 'plain'}|${pointer}`, () => derive(schema, options, pointer));
}

function derive(schema: Schema, options: SchemaArbitraryOptions, pointer: string): fc.Arbitrary<unknown> {
  const refined = options.refine?.(pointer, schema);
  if (refined) return refined;
  const named = valuesOf(schema, pointer);
  if (named) {
    const values = namedValues(named.name, { params: named.params, schema, style: options.style ?? 'plain', pointer, draw: (sub, at) => schemaArbitrary(sub, options, at) });
    return options.nulls !== false && acceptsNull(schema) ? fc.oneof(weighed(values, false), weighed(fc.constant(null), true)) : values;
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const usable = options.nulls === false ? branches.filter((b) => b.type !== 'null') : branches;
    if (usable.length === 1) return schemaArbitrary(usable[0]!, options, pointer);
    return fc.oneof(...usable.map((branch) => weighed(schemaArbitrary(branch, options, pointer), branch.type === 'null')));
  }
  if (schema.allOf?.length === 1) return schemaArbitrary(schema.allOf[0]!, options, pointer);
  const types = typesOf(schema).filter((t) => options.nulls !== false || t !== 'null');
  if (types.length > 1) return fc.oneof(...types.map((type) => weighed(ofType(type, schema, options, pointer), type === 'null')));
  if (types.length === 1) return ofType(types[0]!, schema, options, pointer);
  throw new Error(`schemaArbitrary: no type at ${pointer || '(root)'}`);
}

function ofType(type: string, schema: Schema, options: SchemaArbitraryOptions, pointer: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'string':
      return stringOf(schema, pointer);
    case 'array':
      return fc.array(schema.items ? schemaArbitrary(schema.items, options, `${pointer}/0`) : fc.jsonValue(), {
        minLength: schema.minItems ?? 0,
        maxLength: schema.maxItems ?? 4,
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, child] of Object.entries(properties)) model[name] = schemaArbitrary(child, options, `${pointer}/${name}`);
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) }) as fc.Arbitrary<unknown>;
    }
    default:
      throw new Error(`schemaArbitrary: unsupported type "${type}" at ${pointer || '(root)'}`);
  }
}

const byPattern = new Map<string, fc.Arbitrary<string>>();

/**
 * Strings matching a pattern, built once per pattern: fast-check parses the regular expression
 * into an arbitrary each time, and bodies are derived from the schemas again and again (4–8% of
 * the Trustly self-test's CPU). Arbitraries hold no state, so one serves every caller.
 */
function matching(pattern: string): fc.Arbitrary<string> {
  let arbitrary = byPattern.get(pattern);
  if (!arbitrary) byPattern.set(pattern, (arbitrary = fc.stringMatching(new RegExp(pattern))));
  return arbitrary;
}

function stringOf(schema: Schema, pointer: string): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'date':
      return calendarDate();
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return httpsUrl();
    case 'uuid':
      return fc.uuid();
    case undefined:
      break;
    default:
      throw new Error(`schemaArbitrary: unsupported format "${schema.format}" at ${pointer || '(root)'}`);
  }
  if (schema.pattern) return matching(schema.pattern);
  return fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: schema.maxLength ?? 24 });
}
