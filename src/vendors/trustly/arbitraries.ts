import fc from 'fast-check';
import { calendarDate, fictionalEmail as fictionalEmailAddress, invalidArbitrary, schemaArbitrary, type Refine, type Schema } from '../../generation/index.ts';
import type { CheckContext } from '../../runner/check-context.ts';
import { OPTIONAL_FIELDS, REQUIRED_FIELDS, type Body } from './model.ts';
import { alphanumeric, digits, personName, text, type TextStyle } from './text-arbitraries.ts';

// Domain arbitraries over the spec's CustomerRequest schema: the schema decides which properties
// exist and which are required, these refinements make the values look like real customers.
// Bodies never carry externalId, customerId or merchantId: a check sets the externalId from its
// TagNamespace inside the predicate (so shrinking never meets an earlier run's record) and sets
// the ids only where its rule is about them.

export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
  'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD',
  'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
] as const;
// Shrinking may fall back to a simpler kind of value (see text-arbitraries.ts).
const CROSS = { withCrossShrink: true };
const CA_PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;

/** The spec's CustomerRequest schema (dereferenced), the source of every body. */
export function requestSchema(ctx: CheckContext): Schema {
  const schemas = ctx.spec.spec.document.components?.schemas as Record<string, Schema> | undefined;
  const schema = schemas?.CustomerRequest;
  if (!schema) throw new Error(`${ctx.spec.spec.path} has no components.schemas.CustomerRequest`);
  return schema;
}

const usZip = fc.oneof(CROSS, digits(5, 5), fc.tuple(digits(5, 5), digits(4, 4)).map(([a, b]) => `${a}-${b}`));
const caPostal = fc
  .tuple(fc.constantFrom(...'ABCEGHJKLMNPRSTVXY'), digits(1, 1), fc.constantFrom(...'ABCEGHJKLMNPRSTVWXYZ'), digits(1, 1), fc.constantFrom(...'ABCEGHJKLMNPRSTVWXYZ'), digits(1, 1))
  .map(([a, b, c, d, e, f]) => `${a}${b}${c} ${d}${e}${f}`);

function address(style: TextStyle, countries: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const lines = { address1: text(style, 3, 40), address2: text(style, 1, 12), city: text(style, 2, 24) };
  const optional = { requiredKeys: ['country'] as ('country')[] };
  const us = fc.record({ country: fc.constant('US'), ...lines, state: fc.constantFrom(...US_STATES), zip: usZip }, optional);
  const ca = fc.record({ country: fc.constant('CA'), ...lines, state: fc.constantFrom(...CA_PROVINCES), zip: caPostal }, optional);
  const other = fc.record({ country: fc.constantFrom(...countries), ...lines, state: text(style, 1, 16), zip: alphanumeric(3, 10) }, optional);
  return fc.oneof(CROSS, { weight: 3, arbitrary: us }, { weight: 1, arbitrary: ca }, { weight: 1, arbitrary: other });
}

// The data the suite writes lands in someone's real sandbox, where nobody can delete it: whatever
// looks personal is fictional on sight. Phone numbers come from the ranges reserved for fiction
// (US 555-0100..0199 in any area code, UK 07700 900000..900999), e-mail domains end in the
// reserved `.test` or under example.com, tax and national ids use the never-issued area 000 or
// 666, licence and person ids start with TEST. The formats keep their variety.
const usArea = fc.tuple(fc.integer({ min: 2, max: 9 }), digits(2, 2)).map(([a, bc]) => `${a}${bc}`);
const fictionalLine = digits(2, 2).map((d) => `01${d}`);
const phone = fc.oneof(
  CROSS,
  fc.tuple(usArea, fictionalLine).map(([area, line]) => `+1${area}555${line}`),
  fc.tuple(usArea, fictionalLine).map(([area, line]) => `+1 ${area} 555 ${line}`),
  fc.tuple(usArea, fictionalLine).map(([area, line]) => `(${area}) 555-${line}`),
  digits(3, 3).map((d) => `+44 7700 900${d}`),
);

const fictionalEmail = fictionalEmailAddress();

function email(style: TextStyle): fc.Arbitrary<string> {
  if (style === 'plain') return fictionalEmail;
  return fc.oneof(CROSS, { weight: 3, arbitrary: fictionalEmail }, { weight: 1, arbitrary: text('rich', 1, 12).map((local) => `${local.replaceAll(' ', '.')}@example.com`) });
}

/** Tax ids no one holds: SSN area 000 or 666 is never issued (nor is either an ITIN). */
const fictionalTaxId = fc.tuple(fc.constantFrom('000', '666'), digits(6, 6)).map(([area, rest]) => area + rest);

/** Merchant data: nested objects and arrays of JSON values that survive any JSON store (no nulls, safe integers). */
function customData(style: TextStyle): fc.Arbitrary<Record<string, unknown>> {
  const key = fc.oneof(CROSS, fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,11}$/), text(style, 1, 8)).filter((k) => k !== '__proto__');
  const leaf = fc.oneof(CROSS, text(style, 0, 16), fc.integer(), fc.boolean(), fc.constantFrom(0.5, 19.99, -3.25));
  const value = fc.oneof(CROSS, { weight: 4, arbitrary: leaf }, { weight: 1, arbitrary: fc.array(leaf, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.dictionary(key, leaf, { maxKeys: 3 }) });
  return fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 });
}

export const driverLicense = fc.record({ number: alphanumeric(1, 8).map((n) => `TEST${n}`), state: fc.constantFrom(...US_STATES) });

function refinements(style: TextStyle, countries: readonly string[]): Record<string, fc.Arbitrary<unknown>> {
  return {
    // Marked as test data; the rest of the name keeps its breadth (any script, long).
    '/name': personName(style).map((name) => `Test ${name}`),
    '/address': address(style, countries),
    '/phone': phone,
    '/email': email(style),
    '/taxId': fc.oneof(CROSS, fictionalTaxId, digits(4, 4).map((d) => `#####${d}`)),
    '/dateOfBirth': calendarDate(),
    '/enrollDate': fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.getTime()),
    '/vip': fc.constantFrom('low', 'medium', 'high', '1-5'),
    '/currency': fc.constantFrom('USD', 'CAD', 'EUR', 'GBP', 'MXN'),
    '/balance': fc.tuple(fc.nat(1_000_000), fc.nat(99)).map(([units, cents]) => `${units}.${String(cents).padStart(2, '0')}`),
    '/organizationNumber': digits(6, 12),
    '/externalTier': fc.oneof(CROSS, fc.constantFrom('Gold', 'Diamond', '4 stars'), text(style, 1, 16)),
    '/personId': alphanumeric(2, 16).map((id) => `TEST${id}`),
    '/nationalId': fc.tuple(fc.constantFrom('000', '666'), digits(3, 9)).map(([area, rest]) => area + rest),
    '/customData': customData(style),
    '/driverLicense': driverLicense,
    // Set by the checks, never drawn (see the note at the top).
    '/externalId': fc.constant(undefined),
    '/customerId': fc.constant(undefined),
    '/merchantId': fc.constant(undefined),
  };
}

export interface BodyOptions {
  /** Rich text (astral characters, combining marks, long names) for the rules about stored values; plain elsewhere. */
  style: TextStyle;
  /** Every documented optional property present (for rules about what happens to them). */
  complete?: boolean;
}

/** Valid customer bodies without externalId, customerId and merchantId. */
export function customerBodies(ctx: CheckContext, options: BodyOptions): fc.Arbitrary<Body> {
  const schema = requestSchema(ctx);
  const countries = ((schema.properties?.address as Schema | undefined)?.properties?.country?.enum ?? ['US']) as string[];
  const fields = refinements(options.style, countries);
  const refine: Refine = (pointer) => fields[pointer];
  const shaped = options.complete ? { ...schema, required: Object.keys(schema.properties ?? {}) } : schema;
  return (schemaArbitrary(shaped, { refine, nulls: false }) as fc.Arbitrary<Body>).map(withoutUndefined);
}

function withoutUndefined(body: Body): Body {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
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
  const fields = refinements('plain', ['US']);
  const required = new Set(REQUIRED_FIELDS.map((f) => `/${f}`));
  return invalidArbitrary(
    requestSchema(ctx),
    { refine: (pointer) => fields[pointer] },
    (m) => required.has(m.pointer) && m.mutation.startsWith('wrong type') && !m.mutation.startsWith('wrong type (null'),
  );
}

/**
 * Bodies with any documented property, nested ones included, of a wrong JSON type (null aside:
 * null has rules of its own). The ids are left out: the check sets the externalId itself.
 */
export function wrongTypeAnyField(ctx: CheckContext): fc.Arbitrary<{ value: unknown; pointer: string; mutation: string }> {
  const fields = refinements('plain', ['US']);
  const ids = new Set(['/externalId', '/customerId', '/merchantId']);
  return invalidArbitrary(
    requestSchema(ctx),
    { refine: (pointer) => fields[pointer] },
    (m) => !ids.has(m.pointer) && m.mutation.startsWith('wrong type') && !m.mutation.startsWith('wrong type (null'),
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
    // The seed's example, with a phone number and mailbox that cannot be anyone's (see phone above).
    phone: '+16505550123',
    email: 'joe.user@example.com',
    externalId,
  };
}
