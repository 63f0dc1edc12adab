import fc from 'fast-check';
import { calendarDate, fictionalEmail, invalidArbitrary, schemaArbitrary, type InvalidValue, type Refine, type Schema } from '../../generation/index.ts';
import type { CheckContext } from '../../runner/check-context.ts';
import { TagNamespace } from '../../runner/tag-namespace.ts';
import type { VendorSpec } from '../../openapi/vendor-spec.ts';
import type { AddressPatch, CustomerPatch } from './model.ts';

// Domain arbitraries: the spec's schemas (src/generation) refined where the docs say more than
// the schema, and biased toward the values vendors get wrong (astral characters, combining
// marks, names past 64 characters, leap days), which uniform generation would rarely draw.

/** The spec's schemas the arbitraries are derived from. */
export function trustistSchemas(spec: VendorSpec): { create: Schema; update: Schema; countries: string[] } {
  const schemas = (spec.spec.document.components?.schemas ?? {}) as Record<string, Schema>;
  const create = schemas.CustomerCreateRequest;
  const update = schemas.CustomerUpdateRequest;
  const countries = schemas.CountryCode?.enum;
  if (!create || !update || !Array.isArray(countries)) throw new Error('the Trustist spec lacks CustomerCreateRequest, CustomerUpdateRequest or CountryCode');
  return { create, update, countries: countries as string[] };
}

/** Samples that break naive text handling: astral emoji and symbols, ZWJ sequences, combining marks, RTL. */
export const TRICKY_TEXT = ['😀', '👩‍👩‍👧', '𝔘𝔫𝔦', '𠜎𠜱', 'e\u0301', 'n\u0303', 'क्ष', 'Zoë', 'ß', 'İ', 'Ǆ', '🇬🇧', 'عربى', '\u{10FFFD}', "O'Brien-Ñúñez"];

const grapheme = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 });
const unit = fc.oneof({ weight: 3, arbitrary: grapheme }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY_TEXT) });

/** Any Unicode text, with characters outside the BMP and combining marks drawn often. */
export function unicodeText(options: { minLength?: number; maxLength?: number; size?: 'max' } = {}): fc.Arbitrary<string> {
  return fc.string({ unit, minLength: options.minLength ?? 0, maxLength: options.maxLength ?? 24, ...(options.size ? { size: options.size } : {}) });
}

/**
 * A name: short, or long (up to 100 characters, biased past 64, where vendors truncate). Marked as
 * test data ("Test …"), since it stays in a sandbox that cannot delete; the empty name stays too.
 */
export function personName(): fc.Arbitrary<string> {
  return fc
    .oneof({ weight: 2, arbitrary: unicodeText({ maxLength: 20 }) }, { weight: 1, arbitrary: unicodeText({ maxLength: 100, size: 'max' }) })
    .map((name) => (name === '' ? '' : `Test ${name}`));
}

/** The seed types emailAddress as a plain string: addresses (on reserved domains only) and any text. */
export function emailText(): fc.Arbitrary<string> {
  return fc.oneof({ weight: 2, arbitrary: fictionalEmail() }, { weight: 1, arbitrary: unicodeText() });
}

/** Real calendar dates, with leap days drawn often. */
export function dateOfBirth(): fc.Arbitrary<string> {
  return fc.oneof({ weight: 4, arbitrary: calendarDate() }, { weight: 1, arbitrary: fc.constantFrom('2000-02-29', '2024-02-29', '1904-02-29', '1999-12-31') });
}

/** Refinement of the spec's create/update schemas by pointer (nullable variants keep their null branch). */
export function customerRefine(): Refine {
  return (pointer) => {
    switch (pointer) {
      case '/firstName':
      case '/lastName':
        return personName();
      case '/emailAddress':
        return emailText();
      case '/dateOfBirth':
        return dateOfBirth();
      case '/orgId':
        // A suffix: the check prepends its own run-tagged namespace (see orgNamespace).
        return fc.oneof(fc.constant(''), unicodeText({ maxLength: 8 }).map((s) => `-${s}`));
      case '/address/addressLine1':
      case '/address/addressLine2':
      case '/address/city':
      case '/address/postalCode':
        return unicodeText({ maxLength: 40 });
      default:
        return undefined;
    }
  };
}

/** Every property of an object schema (and of its nested address) made required. */
function requireAll(schema: Schema): Schema {
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, v.properties ? requireAll(v) : v]));
  return { ...schema, properties, required: Object.keys(properties) };
}

/**
 * Create bodies: any subset of the documented fields (the schema makes every one optional), or
 * every field at once. `orgId`, when present, is a suffix for the check's namespace.
 */
export function createBody(spec: VendorSpec): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof(fullCreateBody(spec), subsetCreateBody(spec));
}

/** Any subset of the documented create fields, `{}` included. */
export function subsetCreateBody(spec: VendorSpec): fc.Arbitrary<Record<string, unknown>> {
  return schemaArbitrary(trustistSchemas(spec).create, { refine: customerRefine() }) as fc.Arbitrary<Record<string, unknown>>;
}

/** Every documented create field set (address fields too): the record an update has most to get wrong on. */
export function fullCreateBody(spec: VendorSpec): fc.Arbitrary<Record<string, unknown>> {
  return schemaArbitrary(requireAll(trustistSchemas(spec).create), { refine: customerRefine() }) as fc.Arbitrary<Record<string, unknown>>;
}

/** A body with its orgId placed in `namespace` (always present: every record the suite creates is tagged). */
export function inNamespace(body: Record<string, unknown>, namespace: string): Record<string, unknown> {
  const suffix = typeof body.orgId === 'string' ? body.orgId : '';
  return { ...body, orgId: `${namespace}${suffix}` };
}

const namespaces = new WeakMap<CheckContext, Map<string, TagNamespace>>();

/**
 * A fresh orgId namespace carrying the run tag, unique per call (src/runner TagNamespace): each
 * property run, and each replay while shrinking, gets its own, so its lists see only its records,
 * also on a live target. The rule id is part of it, so rules running side by side (vitest runs
 * suite files in parallel) never share one.
 */
export function orgNamespace(ctx: CheckContext, label: string): string {
  let byLabel = namespaces.get(ctx);
  if (!byLabel) namespaces.set(ctx, (byLabel = new Map()));
  let ns = byLabel.get(label);
  if (!ns) byLabel.set(label, (ns = new TagNamespace(ctx.tag, `${ctx.rule.replace(/^trustist\./, '')}-${label}`)));
  return ns.next();
}

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });

/** A partial address in an update: any subset of its fields, some set to null. */
export function addressPatch(spec: VendorSpec, options: { nulls?: boolean } = {}): fc.Arbitrary<AddressPatch> {
  const { countries } = trustistSchemas(spec);
  const text = unicodeText({ maxLength: 40 });
  const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => (options.nulls === false ? arb : nullable(arb));
  return fc.record(
    { addressLine1: maybe(text), addressLine2: maybe(text), city: maybe(text), postalCode: maybe(text), country: maybe(fc.constantFrom(...countries)) },
    { requiredKeys: [] },
  );
}

/**
 * Update bodies: a random subset of the updatable fields (orgId is never sent, see model.ts),
 * some set to null unless `nulls` is false. Rules other than null-clearing draw value-only
 * patches, so a target that mishandles null fails the null rule, not every update rule at once.
 */
export function updatePatch(spec: VendorSpec, options: { nulls?: boolean } = {}): fc.Arbitrary<CustomerPatch> {
  const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => (options.nulls === false ? arb : nullable(arb));
  return fc.record(
    {
      firstName: maybe(personName()),
      lastName: maybe(personName()),
      emailAddress: maybe(emailText()),
      dateOfBirth: maybe(dateOfBirth()),
      address: maybe(addressPatch(spec, options)),
    },
    { requiredKeys: [] },
  );
}

/** Create bodies with one documented field of a wrong JSON type (the spec's schema, mutated). */
export function wrongTypeBody(spec: VendorSpec): fc.Arbitrary<InvalidValue> {
  return invalidArbitrary(trustistSchemas(spec).create, { refine: customerRefine() }, (m) => m.mutation.startsWith('wrong type'));
}

/** JSON bodies that are not objects. */
export function nonObjectBody(): fc.Arbitrary<unknown> {
  return fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
}

/**
 * Text that is not JSON, shaped like almost-JSON and carrying `orgId`, so that a target which
 * stores something anyway stores it where the check looks.
 */
export function malformedJson(orgId: string): string[] {
  const o = JSON.stringify(orgId);
  return [
    `{"orgId": ${o}, "firstName": }`,
    `{"orgId": ${o}, "firstName": "x",}`,
    `{'orgId': ${o}}`,
    `{"orgId": ${o}} trailing`,
    `{"orgId": ${o}`,
    `orgId=${encodeURIComponent(orgId)}`,
    `{"orgId": ${o}}{"firstName": "x"}`,
    `{"orgId": ${o}, "firstName": "\\x"}`,
  ];
}

/** Dates in YYYY-MM-DD shape that do not exist, and dates not in that shape. */
export function impossibleDate(): fc.Arbitrary<string> {
  const year = fc.integer({ min: 1900, max: 2099 });
  const nonLeap = year.filter((y) => !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)));
  const pad = (n: number) => String(n).padStart(2, '0');
  return fc.oneof(
    nonLeap.map((y) => `${y}-02-29`),
    fc.tuple(year, fc.constantFrom(30, 31)).map(([y, d]) => `${y}-02-${d}`),
    fc.tuple(year, fc.constantFrom(4, 6, 9, 11)).map(([y, m]) => `${y}-${pad(m)}-31`),
    fc.tuple(year, fc.constantFrom(0, 13, 19, 99), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
    fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 32, 99)).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
    fc.constantFrom('15/03/1985', '1985-3-15', '19850315', '1985-03-15T00:00:00Z', ' 1985-03-15', 'yesterday'),
  );
}

/** Country values that are not ISO 3166-1 alpha-2 codes as the spec lists them. */
export function invalidCountry(spec: VendorSpec): fc.Arbitrary<string> {
  const codes = new Set(trustistSchemas(spec).countries);
  const upper = fc.stringMatching(/^[A-Z]{2}$/).filter((s) => !codes.has(s));
  return fc.oneof(
    upper,
    fc.constantFrom(...codes).map((c) => c.toLowerCase()),
    fc.constantFrom(...codes).map((c) => `${c[0]}${c[1]!.toLowerCase()}`),
    fc.stringMatching(/^[A-Z]{3}$/),
    fc.constantFrom('XX', 'UK', 'EU', 'GBR', 'USA', 'G', '', ' GB', '826'),
  );
}
