import fc from 'fast-check';
import { createBodies, invalidArbitrary, updatePatches, type InvalidValue, type Schema } from '../../generation/index.ts';
import type { CheckContext } from '../../runner/check-context.ts';
import { TagNamespace } from '../../runner/tag-namespace.ts';
import type { VendorSpec } from '../../openapi/vendor-spec.ts';
import type { CustomerPatch } from './model.ts';

// Bodies drawn from the spec's schemas: their x-conform-values name the values (tricky Unicode,
// names past 64 characters, fictional e-mail addresses, leap days; see src/generation). What is
// left here is the Trustist's own: its tag (orgId) and the values its refusals are about.

// Test names biased past 64 characters and real dates with leap days (generators the spec names),
// and JSON that is not an object, for the checks that draw one value alone.
export { personName, dateOfBirth, nonObjectBody } from '../../generation/index.ts';

/** The spec's schemas the arbitraries are derived from. */
export function trustistSchemas(spec: VendorSpec): { create: Schema; update: Schema; countries: string[] } {
  const schemas = (spec.spec.document.components?.schemas ?? {}) as Record<string, Schema>;
  const create = schemas.CustomerCreateRequest;
  const update = schemas.CustomerUpdateRequest;
  const countries = schemas.CountryCode?.enum;
  if (!create || !update || !Array.isArray(countries)) throw new Error('the Trustist spec lacks CustomerCreateRequest, CustomerUpdateRequest or CountryCode');
  return { create, update, countries: countries as string[] };
}

/**
 * Create bodies: any subset of the documented fields (the schema makes every one optional), or
 * every field at once. `orgId`, when present, is a suffix for the check's namespace.
 */
export function createBody(spec: VendorSpec): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof(fullCreateBody(spec), createBodies(trustistSchemas(spec).create, { fields: 'any' }));
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
