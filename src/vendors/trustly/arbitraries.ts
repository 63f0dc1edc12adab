import fc from 'fast-check';
import { createBodies, digits, invalidArbitrary, testId, US_STATES, withoutProperties, type Schema, type TextStyle } from '../../generation/index.ts';
import type { CheckContext } from '../../runner/check-context.ts';
import { OPTIONAL_FIELDS, REQUIRED_FIELDS, type Body } from './model.ts';

// Bodies drawn from the spec's CustomerRequest schema: the schema decides which properties exist
// and which are required, its x-conform-values make the values look like real customers and keep
// them fictional (see src/generation). Bodies never carry externalId, customerId or merchantId: a
// check sets the externalId from its TagNamespace inside the predicate (so shrinking never meets
// an earlier run's record) and sets the ids only where its rule is about them.

export { US_STATES } from '../../generation/index.ts';

/** Set by the checks, never drawn (see the note at the top). */
const SET_BY_CHECKS = ['externalId', 'customerId', 'merchantId'];

/** The spec's CustomerRequest schema (dereferenced), the source of every body. */
export function requestSchema(ctx: CheckContext): Schema {
  const schemas = ctx.spec.spec.document.components?.schemas as Record<string, Schema> | undefined;
  const schema = schemas?.CustomerRequest;
  if (!schema) throw new Error(`${ctx.spec.spec.path} has no components.schemas.CustomerRequest`);
  return schema;
}

/** A complete driverLicense, as the spec's DriverLicense schema draws it (for checks that break one). */
export const driverLicense = fc.record({ number: testId(1, 8), state: fc.constantFrom(...US_STATES) });

export interface BodyOptions {
  /** Rich text (astral characters, combining marks, long names) for the rules about stored values; plain elsewhere. */
  style: TextStyle;
  /** Every documented optional property present (for rules about what happens to them). */
  complete?: boolean;
}

/** Valid customer bodies without externalId, customerId and merchantId. */
export function customerBodies(ctx: CheckContext, options: BodyOptions): fc.Arbitrary<Body> {
  // fast-check draws some records without a prototype; a body is a plain object, as JSON gives.
  return createBodies(requestSchema(ctx), { fields: options.complete ? 'all' : 'any', style: options.style, without: SET_BY_CHECKS }).map((body) => ({ ...body }));
}

/** The ways to break the required fields, every one listed by the rule (create and update alike). */
export const REQUIRED_VIOLATIONS = ['name missing', 'name empty', 'address missing', 'address.country missing', 'phone missing', 'email missing', 'email empty'] as const;
export type RequiredViolation = (typeof REQUIRED_VIOLATIONS)[number];

/** A copy of a valid body broken in one required field. */
export function violateRequired(body: Body, violation: RequiredViolation): Body {
  const copy = structuredClone(body);
  const [path, how] = violation.split(' ') as [string, 'missing' | 'empty'];
  if (path === 'address.country') delete (copy.address as Record<string, unknown>).country;
  else if (how === 'empty') copy[path] = '';
  else delete copy[path];
  return copy;
}

/** driverLicense objects lacking the number, the state, or both. */
export const PARTIAL_LICENSES = ['number only', 'state only', 'neither'] as const;
export type PartialLicense = (typeof PARTIAL_LICENSES)[number];

export function partialLicense(kind: PartialLicense, license: { number: string; state: string }): Record<string, string> {
  if (kind === 'number only') return { number: license.number };
  if (kind === 'state only') return { state: license.state };
  return {};
}

/**
 * Bodies whose required field has a wrong JSON type (the generation module's mutations). Missing,
 * empty and null values are left out: those belong to the required-field rules.
 */
export function wrongTypeBodies(ctx: CheckContext): fc.Arbitrary<{ value: unknown; pointer: string; mutation: string }> {
  const required = new Set(REQUIRED_FIELDS.map((f) => `/${f}`));
  return invalidArbitrary(
    withoutProperties(requestSchema(ctx), SET_BY_CHECKS),
    {},
    (m) => required.has(m.pointer) && m.mutation.startsWith('wrong type') && !m.mutation.startsWith('wrong type (null'),
  );
}

/**
 * Bodies with any documented property, nested ones included, of a wrong JSON type (null aside:
 * null has rules of its own). The ids are left out: the check sets the externalId itself.
 */
export function wrongTypeAnyField(ctx: CheckContext): fc.Arbitrary<{ value: unknown; pointer: string; mutation: string }> {
  return invalidArbitrary(
    withoutProperties(requestSchema(ctx), SET_BY_CHECKS),
    {},
    (m) => m.mutation.startsWith('wrong type') && !m.mutation.startsWith('wrong type (null'),
  );
}

/** Optional properties to send as null in one write: a non-empty subset (externalId stays, it tags the record). */
export const nullableFields = fc.subarray(
  OPTIONAL_FIELDS.filter((f) => f !== 'externalId'),
  { minLength: 1 },
);

/** Numeric ids that name no customer: longer than Trustly's ten-digit ids, so no live record has them. */
export const unknownCustomerIds = fc.tuple(digits(1, 1).filter((d) => d !== '0'), digits(11, 18)).map(([first, rest]) => first + rest);

/** Suffixes for externalIds that differ from each other by a prefix or by letter case. */
export const externalIdSuffix = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);

/** A fixed valid body (the seed's own example customer), for checks whose point is not the values. */
export function exampleBody(externalId: string): Body {
  return {
    name: 'Joe User',
    address: { country: 'US', address1: '2000 Broadway St', city: 'Redwood City', state: 'CA', zip: '94063' },
    // The seed's example, with a phone number and mailbox that cannot be anyone's (src/generation/fictional-ids.ts).
    phone: '+16505550123',
    email: 'joe.user@example.com',
    externalId,
  };
}
