import fc from 'fast-check';
import { createBodies, dateOfBirth as leapDayDates, emailText as emailOrText, invalidArbitrary, personName as testPersonName, trickyText, updatePatches, type InvalidValue, type Refine, type Schema } from '../../generation/index.ts';
import type { CheckContext } from '../../runner/check-context.ts';
import { TagNamespace } from '../../runner/tag-namespace.ts';
import type { VendorSpec } from '../../openapi/vendor-spec.ts';
import type { AddressPatch, CustomerPatch } from './model.ts';

// Bodies drawn from the spec's schemas: their x-conform-values name the values (tricky Unicode,
// names past 64 characters, fictional e-mail addresses, leap days; see src/generation). What is
// left here is the Trustist's own: its tag (orgId) and the values its refusals are about.

export { TRICKY_TEXT } from '../../generation/index.ts';

/** The spec's schemas the arbitraries are derived from. */
export function trustistSchemas(spec: VendorSpec): { create: Schema; update: Schema; countries: string[] } {
  const schemas = (spec.spec.document.components?.schemas ?? {}) as Record<string, Schema>;
  const create = schemas.CustomerCreateRequest;
  const update = schemas.CustomerUpdateRequest;
  const countries = schemas.CountryCode?.enum;
  if (!create || !update || !Array.isArray(countries)) throw new Error('the Trustist spec lacks CustomerCreateRequest, CustomerUpdateRequest or CountryCode');
  return { create, update, countries: countries as string[] };
}

/** Any Unicode text, with characters outside the BMP and combining marks drawn often. */
export const unicodeText = (options: { minLength?: number; maxLength?: number; size?: 'max' } = {}): fc.Arbitrary<string> => trickyText(options);
/** A test name ("Test …"), biased past 64 characters; the empty name too. */
export const personName = (): fc.Arbitrary<string> => testPersonName();
/** The seed types emailAddress as a plain string: addresses (on reserved domains only) and any text. */
export const emailText = (): fc.Arbitrary<string> => emailOrText();
/** Real calendar dates, with leap days drawn often. */
export const dateOfBirth = (): fc.Arbitrary<string> => leapDayDates();

/**
 * No refinement: the spec's x-conform-values choose every value the refinement by pointer once
 * did (orgId, when present, is a suffix for the check's namespace).
 */
export function customerRefine(): Refine {
  return () => undefined;
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
  return createBodies(trustistSchemas(spec).create, { fields: 'any' });
}

/** Every documented create field set (address fields too): the record an update has most to get wrong on. */
export function fullCreateBody(spec: VendorSpec): fc.Arbitrary<Record<string, unknown>> {
  return createBodies(trustistSchemas(spec).create, { fields: 'all' });
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

/** A partial address in an update: any subset of its fields, some set to null unless `nulls` is false. */
export function addressPatch(spec: VendorSpec, options: { nulls?: boolean } = {}): fc.Arbitrary<AddressPatch> {
  const address = trustistSchemas(spec).update.properties?.address;
  const branch = address?.properties ? address : (address?.anyOf ?? []).find((s) => s.properties);
  if (!branch) throw new Error('the Trustist spec documents no address object in CustomerUpdateRequest');
  return updatePatches(branch, options) as fc.Arbitrary<AddressPatch>;
}

/**
 * Update bodies: a random subset of the updatable fields (orgId is never sent, see model.ts),
 * some set to null unless `nulls` is false. Rules other than null-clearing draw value-only
 * patches, so a target that mishandles null fails the null rule, not every update rule at once.
 */
export function updatePatch(spec: VendorSpec, options: { nulls?: boolean } = {}): fc.Arbitrary<CustomerPatch> {
  return updatePatches(trustistSchemas(spec).update, { ...options, without: ['orgId'] }) as fc.Arbitrary<CustomerPatch>;
}

/** Create bodies with one documented field of a wrong JSON type (the spec's schema, mutated). */
export function wrongTypeBody(spec: VendorSpec): fc.Arbitrary<InvalidValue> {
  return invalidArbitrary(trustistSchemas(spec).create, {}, (m) => m.mutation.startsWith('wrong type'));
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
