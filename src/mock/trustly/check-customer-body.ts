import type { SchemaViolation } from '../../openapi/index.ts';
import type { TrustlyFaultName } from './faults.ts';
import { DOMAINS, ERROR_CODES, TrustlyProblem, type ErrorDetail } from './trustly-problem.ts';
import type { TrustlyContext } from './trustly-context.ts';
import type { Body } from './customer-writes.ts';

const REQUIRED = new Set(['name', 'address', 'phone', 'email']);

export interface BodyCheck {
  body: Body;
  /** Undefined when the body is acceptable. */
  problem?: TrustlyProblem;
  /** Top-level properties with a violation (the refused-update fault leaves them alone). */
  badFields: ReadonlySet<string>;
}

const NO_FIELDS: ReadonlySet<string> = new Set();

/**
 * Checks a write's body against the spec's CustomerRequest schema (the same one for create,
 * upsert and update, as the docs require the same fields on every write) and words each
 * violation as one error entry naming the field.
 */
export function checkCustomerBody(ctx: TrustlyContext, operationId: string, body: unknown): BodyCheck {
  let result = ctx.validators.validateRequest(operationId, body);
  let object = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Body;
  // No fault adds a violation to a valid body, so the common case needs none of the wording below.
  if (result.valid) return { body: object, badFields: NO_FIELDS };
  if (ctx.fault === 'wrong-typed-optional-dropped') {
    // A lenient parser: optional properties of the wrong type vanish, and what is left is judged.
    // Only a field whose every violation is its own JSON type: a driverLicense lacking its state
    // (a required-property violation) is still refused, as trustly.customers.driver-license wants.
    const fieldOf = (pointer: string) => pointer.split('/')[1] ?? '';
    const typeOnly = (field: string) => result.violations.every((v) => fieldOf(v.pointer) !== field || (v.keyword === 'type' && v.pointer === `/${field}`));
    const wrong = new Set(result.violations.map((v) => fieldOf(v.pointer)).filter((f) => f !== '' && !REQUIRED.has(f) && typeOnly(f)));
    object = Object.fromEntries(Object.entries(object).filter(([key]) => !wrong.has(key)));
    result = ctx.validators.validateRequest(operationId, object);
  }
  const violations = readable(withoutFaultedChecks(result.violations, object, ctx.fault));
  const badFields = new Set(violations.map((v) => v.pointer.split('/')[1] ?? '').filter((f) => f !== ''));
  const [first, ...rest] = violations.map(detail);
  if (!first) return { body: object, badFields };
  return { body: object, badFields, problem: new TrustlyProblem(400, ERROR_CODES.invalidParameter, DOMAINS.customer, [first, ...rest]) };
}

function withoutFaultedChecks(violations: SchemaViolation[], body: Body, fault: TrustlyFaultName | undefined): SchemaViolation[] {
  if (body.email === undefined && fault === 'required-email-unchecked') {
    return violations.filter((v) => v.pointer !== '/email');
  }
  const license = body.driverLicense as Record<string, unknown> | null | undefined;
  if (typeof license?.number === 'string' && license.state === undefined && fault === 'driver-license-number-only') {
    return violations.filter((v) => !v.pointer.startsWith('/driverLicense'));
  }
  return violations;
}

/**
 * Drops ajv's oneOf bookkeeping: for `driverLicense: {number}` it reports the missing state, then
 * "must be null" (the other branch) and "must match exactly one schema"; only the first helps.
 */
function readable(violations: SchemaViolation[]): SchemaViolation[] {
  const kept = violations.filter((v) => v.keyword !== 'oneOf');
  return kept.filter(
    (v) =>
      !(v.keyword === 'type' && v.message.endsWith('must be null')) ||
      !kept.some((other) => other !== v && (other.pointer === v.pointer || other.pointer.startsWith(`${v.pointer}/`))),
  );
}

function detail(violation: SchemaViolation): ErrorDetail {
  const field = violation.pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
  const prefix = violation.pointer || '(body)';
  const what = violation.message.startsWith(prefix) ? violation.message.slice(prefix.length).trim() : violation.message;
  if (field === '') return { message: `The request body ${what}.` };
  return { message: `Invalid parameter ${field}: it ${what}.`, location: field };
}
