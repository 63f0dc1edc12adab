import { HttpProblem } from '../http-kit.ts';
import type { TrustlyFaultName } from './faults.ts';

// Every refusal of the mock is a TrustlyProblem, rendered in the one documented error shape
// `{ "errors": [ { "domain", "code", "message" } ] }` (vendor-notes.md). The numeric codes are
// the documented ones: 100 internal, 200 invalid parameter, 300 security, 375 access control.

export const ERROR_CODES = { internal: 100, invalidParameter: 200, security: 300, accessControl: 375 } as const;

export const DOMAINS = {
  security: 'com.trustly.security',
  customer: 'com.trustly.customer',
  request: 'com.trustly.request',
  internal: 'com.trustly.internal',
} as const;

export interface ErrorDetail {
  message: string;
  /** The offending field or parameter, as some of the vendor's error descriptions add. */
  location?: string;
}

export class TrustlyProblem extends Error {
  readonly details: [ErrorDetail, ...ErrorDetail[]];

  constructor(
    readonly status: number,
    readonly code: number,
    readonly domain: string,
    details: ErrorDetail | [ErrorDetail, ...ErrorDetail[]],
    readonly headers: Record<string, string> = {},
  ) {
    const list: [ErrorDetail, ...ErrorDetail[]] = Array.isArray(details) ? details : [details];
    super(list[0].message);
    this.details = list;
  }
}

export function invalidParameter(message: string, location?: string): TrustlyProblem {
  return new TrustlyProblem(400, ERROR_CODES.invalidParameter, DOMAINS.customer, location === undefined ? { message } : { message, location });
}

/** A customer that does not exist, or is another merchant's: both look the same to the caller. */
export function customerNotFound(customerId: string): TrustlyProblem {
  return new TrustlyProblem(404, ERROR_CODES.invalidParameter, DOMAINS.customer, {
    message: `No customer with customerId ${JSON.stringify(customerId)} exists for this merchant.`,
    location: 'customerId',
  });
}

export function unauthorized(code: number, message: string): TrustlyProblem {
  return new TrustlyProblem(401, code, DOMAINS.security, { message }, { 'www-authenticate': 'Basic realm="trustly"' });
}

export function internalError(): TrustlyProblem {
  // The cause stays in the mock's process: an error body must not leak internals to the caller.
  return new TrustlyProblem(500, ERROR_CODES.internal, DOMAINS.internal, { message: 'An internal error occurred; the request was not applied.' });
}

/**
 * Turns http-kit's generic problems (413, 415, bad JSON...) into the Trustly shape. A status the
 * operation does not document becomes 400, which every Trustly write documents: the spec lists
 * neither 413 nor 415, and a client written against the spec should not meet them.
 */
export function fromHttpProblem(problem: HttpProblem, documented: ReadonlySet<number> | undefined): TrustlyProblem {
  const status = documented && !documented.has(problem.status) && documented.has(400) ? 400 : problem.status;
  return new TrustlyProblem(status, ERROR_CODES.invalidParameter, DOMAINS.request, { message: sentence(problem.message) });
}

export function toTrustlyProblem(error: unknown, documented: ReadonlySet<number> | undefined): TrustlyProblem {
  if (error instanceof TrustlyProblem) return error;
  if (error instanceof HttpProblem) return fromHttpProblem(error, documented);
  return internalError();
}

export function errorBody(problem: TrustlyProblem, fault: TrustlyFaultName | undefined): unknown {
  if (problem.status === 404 && fault === 'errors-flat-on-404') return { error: problem.message };
  let code: number | string = problem.status === 400 && fault === 'error-code-string-on-400' ? String(problem.code) : problem.code;
  if (problem.status === 401 && fault === 'unauthorized-code-100') code = ERROR_CODES.internal;
  return { errors: problem.details.map((detail) => ({ domain: problem.domain, code, ...detail })) };
}

function sentence(text: string): string {
  const trimmed = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
