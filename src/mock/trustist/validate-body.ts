import type { HandlerContext } from './handler-context.ts';
import { isPlainObject } from './handler-context.ts';
import { invalidRequest } from './trustist-problem.ts';

const MAX_REPORTED = 3;

/**
 * Refuses (400) a body the spec's request schema rejects, naming the offending fields. The spec
 * is the mock's only definition of a valid body: the same file the suite reads, nothing more.
 */
export function assertValidBody(ctx: HandlerContext, operationId: string, body: unknown): asserts body is Record<string, unknown> {
  let result = ctx.validators.validateRequest(operationId, body);
  // The validation faults swap a tolerated value for a valid one, so a body the spec accepts
  // stays accepted: only a refused body can they change, and only there are they consulted
  // (which is where the self-test counts a rule as meeting them: fault-reach.ts).
  if (!result.valid) {
    const seen = tolerated(ctx, body);
    if (seen !== body) result = ctx.validators.validateRequest(operationId, seen);
  }
  if (result.valid) return;
  const shown = result.violations.slice(0, MAX_REPORTED).map((v) => v.message);
  const more = result.violations.length > MAX_REPORTED ? ` (and ${result.violations.length - MAX_REPORTED} more)` : '';
  throw invalidRequest(`the request body is invalid: ${shown.join('; ')}${more}`);
}

/** What the two validation faults let through, swapped for a valid stand-in before validating. */
function tolerated(ctx: HandlerContext, body: unknown): unknown {
  if (!isPlainObject(body)) return body;
  let seen = body;
  if (ctx.fault === 'date-of-birth-pattern-only' && typeof body.dateOfBirth === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(body.dateOfBirth)) {
    seen = { ...seen, dateOfBirth: '2000-01-01' };
  }
  const address = body.address;
  if (ctx.fault === 'country-any-two-letters' && isPlainObject(address) && typeof address.country === 'string' && /^[A-Za-z]{2}$/.test(address.country)) {
    seen = { ...seen, address: { ...address, country: 'GB' } };
  }
  if (ctx.fault === 'return-url-http-accepted' && typeof body.returnUrl === 'string' && body.returnUrl.startsWith('http://')) {
    seen = { ...seen, returnUrl: `https://${body.returnUrl.slice('http://'.length)}` };
  }
  return seen;
}
