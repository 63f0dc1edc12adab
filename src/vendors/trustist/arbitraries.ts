import fc from 'fast-check';
import { createBodies, invalidArbitrary, updatePatches, type InvalidValue, type Schema } from '../../generation/index.ts';
import type { CheckContext } from '../../runner/check-context.ts';
import type { TagNamespace } from '../../runner/tag-namespace.ts';
import type { VendorSpec } from '../../openapi/vendor-spec.ts';
import type { CustomerPatch } from './model.ts';

// Bodies drawn from the spec's schemas: their x-conform-values name the values (tricky Unicode,
// names past 64 characters, fictional e-mail addresses, leap days; see src/generation). What is
// left here is the Trustist's own: its tag (orgId) and the values its refusals are about.

// Test names biased past 64 characters, and JSON that is not an object, for the checks that draw one value alone.
export { personName, nonObjectBody } from '../../generation/index.ts';

/** One of the spec's component schemas. */
export function trustistSchema(spec: VendorSpec, name: 'CustomerCreateRequest' | 'CustomerUpdateRequest'): Schema {
  const schema = (spec.spec.document.components?.schemas as Record<string, Schema> | undefined)?.[name];
  if (!schema) throw new Error(`the Trustist spec lacks ${name}`);
  return schema;
}

/** Create bodies: any subset of the documented fields (all optional), or every one. An `orgId` is a suffix for the check's namespace. */
export const createBody = (spec: VendorSpec) => fc.oneof(fullCreateBody(spec), createBodies(trustistSchema(spec, 'CustomerCreateRequest'), { fields: 'any' }));

/** Every documented create field set (address fields too): the record an update has most to get wrong on. */
export const fullCreateBody = (spec: VendorSpec) => createBodies(trustistSchema(spec, 'CustomerCreateRequest'), { fields: 'all' });

/**
 * Update bodies: a random subset of the updatable fields (orgId is never sent, see model.ts),
 * some set to null unless `nulls` is false. Rules other than null-clearing draw value-only
 * patches, so a target that mishandles null fails the null rule, not every update rule at once.
 */
export const updatePatch = (spec: VendorSpec, options: { nulls?: boolean } = {}): fc.Arbitrary<CustomerPatch> =>
  updatePatches(trustistSchema(spec, 'CustomerUpdateRequest'), { ...options, without: ['orgId'] }) as fc.Arbitrary<CustomerPatch>;

/** Create bodies with one documented field of a wrong JSON type (the spec's schema, mutated). */
export const wrongTypeBody = (spec: VendorSpec): fc.Arbitrary<InvalidValue> =>
  invalidArbitrary(trustistSchema(spec, 'CustomerCreateRequest'), {}, (m) => m.mutation.startsWith('wrong type'));

/** A body with its orgId placed in `namespace` (always present: every record the suite creates is tagged). */
export function inNamespace(body: Record<string, unknown>, namespace: string): Record<string, unknown> {
  return { ...body, orgId: `${namespace}${typeof body.orgId === 'string' ? body.orgId : ''}` };
}

const namespaces = new WeakMap<CheckContext, Map<string, TagNamespace>>();

/**
 * A fresh orgId namespace carrying the run tag and the rule id, unique per call (TagNamespace):
 * each property run, and each replay while shrinking, gets its own, so its lists see only its
 * records, also on a live target, and rules running side by side never share one.
 */
export function orgNamespace(ctx: CheckContext, label: string): string {
  const byLabel = namespaces.get(ctx) ?? namespaces.set(ctx, new Map()).get(ctx)!;
  return (byLabel.get(label) ?? byLabel.set(label, ctx.namespace(label)).get(label)!).next();
}

/** Text that is not JSON, shaped like almost-JSON and carrying `orgId`: what a target stores anyway is stored where the check looks. */
export function malformedJson(orgId: string): string[] {
  const o = JSON.stringify(orgId);
  return [`{"orgId": ${o}, "firstName": }`, `{"orgId": ${o}, "firstName": "x",}`, `{'orgId': ${o}}`, `{"orgId": ${o}} trailing`, `{"orgId": ${o}`]
    .concat([`orgId=${encodeURIComponent(orgId)}`, `{"orgId": ${o}}{"firstName": "x"}`, `{"orgId": ${o}, "firstName": "\\x"}`]);
}
