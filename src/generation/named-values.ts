import fc from 'fast-check';
import { calendarDate, dateOfBirth, unixMillis } from './dates.ts';
import { emailText, styledEmail } from './fictional-email.ts';
import { fictionalNationalId, fictionalPhone, fictionalTaxId, testId } from './fictional-ids.ts';
import { decimalAmount, merchantData } from './merchant-data.ts';
import { countryParts, US_STATES } from './postal-address.ts';
import type { Schema } from './schema.ts';
import { CROSS, digits, styledName, styledText, type TextStyle } from './styled-text.ts';
import { personName, trickyText } from './tricky-text.ts';

/**
 * The vendor extension by which a schema names the values to draw for it: a generator's name
 * (`x-conform-values: person-name`) or the name with its parameters
 * (`x-conform-values: { name: text, minLength: 3, maxLength: 40 }`). The values are valid
 * against the schema; they are what the schema alone cannot say: what real data looks like,
 * what is fictional, and where stores go wrong.
 */
export const VALUES_KEY = 'x-conform-values';

export interface ValuesContext {
  /** The extension's parameters (its name aside). */
  params: Record<string, unknown>;
  schema: Schema;
  style: TextStyle;
  pointer: string;
  /** The values of a sub-schema, drawn as the rest of the schema is. */
  draw: (schema: Schema, pointer: string) => fc.Arbitrary<unknown>;
}

interface Generator {
  params?: string[];
  make: (c: ValuesContext) => fc.Arbitrary<unknown>;
}

const lengths = ['minLength', 'maxLength'];

const GENERATORS: Record<string, Generator> = {
  'tricky-text': { params: lengths, make: (c) => trickyText({ minLength: int(c, 'minLength', 0), maxLength: int(c, 'maxLength', 24) }) },
  'person-name': { make: () => personName() },
  'email-text': { make: () => emailText() },
  'date-of-birth': { make: () => dateOfBirth() },
  'calendar-date': { make: () => calendarDate() },
  'unix-ms': { make: () => unixMillis() },
  // The run's own tag goes in front: empty, or a separator and a little text.
  'tag-suffix': { make: () => fc.oneof(fc.constant(''), trickyText({ maxLength: 8 }).map((s) => `-${s}`)) },
  text: { params: lengths, make: (c) => styledText(c.style, int(c, 'minLength', 1), int(c, 'maxLength', 24)) },
  'full-name': { make: (c) => styledName(c.style).map((name) => `Test ${name}`) },
  'fictional-email': { make: (c) => styledEmail(c.style) },
  'fictional-phone': { make: () => fictionalPhone() },
  'fictional-tax-id': { make: () => fictionalTaxId() },
  'fictional-national-id': { make: () => fictionalNationalId() },
  'test-id': { params: lengths, make: (c) => testId(int(c, 'minLength', 1), int(c, 'maxLength', 8)) },
  digits: { params: lengths, make: (c) => digits(int(c, 'minLength', 1), int(c, 'maxLength', 12)) },
  'decimal-amount': { make: () => decimalAmount() },
  'merchant-data': { make: (c) => merchantData(c.style) },
  'us-state': { make: () => fc.constantFrom(...US_STATES) },
  'one-of': { params: ['values', 'or'], make: oneOf },
  country: { make: (c) => fc.constantFrom(...enumOf(c)) },
  region: { make: (c) => partOf(c, 'region') },
  'postal-code': { make: (c) => partOf(c, 'postalCode') },
  'postal-address': { make: postalAddress },
};

/** The generator a schema names, with its parameters; undefined when it names none. */
export function valuesOf(schema: Schema, pointer: string): { name: string; params: Record<string, unknown> } | undefined {
  const value = schema[VALUES_KEY];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return { name: value, params: {} };
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { name?: unknown }).name === 'string') {
    const { name, ...params } = value as { name: string };
    return { name, params };
  }
  throw new Error(`${VALUES_KEY} at ${pointer || '(root)'}: expected a generator's name or { name, ...parameters }, got ${JSON.stringify(value)}`);
}

/** The values the named generator draws for a schema. */
export function namedValues(name: string, c: ValuesContext): fc.Arbitrary<unknown> {
  const generator = GENERATORS[name];
  if (!generator) throw new Error(`${VALUES_KEY} at ${c.pointer || '(root)'}: no generator "${name}"; known: ${Object.keys(GENERATORS).join(', ')}`);
  const unknown = Object.keys(c.params).filter((p) => !(generator.params ?? []).includes(p));
  if (unknown.length > 0) throw new Error(`${VALUES_KEY} at ${c.pointer || '(root)'}: ${name} takes no parameter ${unknown.join(', ')}`);
  return generator.make(c);
}

/** The names of the generators, for documentation and tests. */
export const VALUE_GENERATORS: readonly string[] = Object.keys(GENERATORS);

function int(c: ValuesContext, key: string, fallback: number): number {
  const value = c.params[key] ?? fallback;
  if (!Number.isInteger(value) || (value as number) < 0) throw new Error(`${VALUES_KEY} at ${c.pointer || '(root)'}: ${key} must be a whole number, not ${JSON.stringify(value)}`);
  return value as number;
}

function enumOf(c: ValuesContext): string[] {
  const values = c.schema.enum;
  if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'string')) throw new Error(`${VALUES_KEY} at ${c.pointer || '(root)'}: a country needs the schema's enum of codes`);
  return values as string[];
}

/** One of the listed values, or (with `or`, equally often) what another generator draws. */
function oneOf(c: ValuesContext): fc.Arbitrary<unknown> {
  const { values, or } = c.params;
  if (!Array.isArray(values) || values.length === 0) throw new Error(`${VALUES_KEY} at ${c.pointer || '(root)'}: one-of needs a non-empty list of values`);
  const listed = fc.constantFrom(...values);
  if (or === undefined) return listed;
  const other = valuesOf({ [VALUES_KEY]: or }, c.pointer)!;
  return fc.oneof(CROSS, listed, namedValues(other.name, { ...c, params: other.params }));
}

/** A region or postal code outside a postal-address: any country's. */
function partOf(c: ValuesContext, part: 'region' | 'postalCode'): fc.Arbitrary<unknown> {
  return fc.oneof(CROSS, ...countryParts(['US'], c.style).map(({ weight, parts }) => ({ weight, arbitrary: parts[part] })));
}

/**
 * An address object whose country, region and postal code fit together: its properties named
 * `country`, `region` and `postal-code` are drawn per country, the others from their own schema.
 */
function postalAddress(c: ValuesContext): fc.Arbitrary<unknown> {
  const properties = Object.entries(c.schema.properties ?? {});
  const roleOf = (schema: Schema) => valuesOf(schema, c.pointer)?.name;
  const country = properties.find(([, schema]) => roleOf(schema) === 'country');
  if (!country) throw new Error(`${VALUES_KEY} at ${c.pointer || '(root)'}: a postal-address needs a property whose ${VALUES_KEY} is country`);
  const codes = enumOf({ ...c, schema: country[1], pointer: `${c.pointer}/${country[0]}` });
  const requiredKeys = (c.schema.required ?? []).filter((k) => properties.some(([name]) => name === k));
  return fc.oneof(
    CROSS,
    ...countryParts(codes, c.style).map(({ weight, parts }) => {
      const byRole: Record<string, fc.Arbitrary<unknown>> = { country: parts.country, region: parts.region, 'postal-code': parts.postalCode };
      const model = Object.fromEntries(properties.map(([name, schema]) => [name, byRole[roleOf(schema) ?? ''] ?? c.draw(schema, `${c.pointer}/${name}`)]));
      return { weight, arbitrary: fc.record(model, { requiredKeys }) };
    }),
  );
}
