import { STATUS_CODES, type ServerResponse } from 'node:http';
import { HttpProblem, sendJson, sendResponse } from '../http-kit.ts';
import type { TrustistVariantName } from './variants.ts';

/**
 * An HttpProblem that may carry response headers (WWW-Authenticate, Allow) and extra body
 * fields (missing_person_data's `missingFields`). The vendor documents no error body, so the mock
 * picks `{ "error": code, "message": sentence }`, which the spec's TrustistError accepts.
 */
export class TrustistProblem extends HttpProblem {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly details: Record<string, unknown> = {},
  ) {
    super(status, code, message);
  }
}

export interface TrustistErrorBody {
  error: string;
  message: string;
  [detail: string]: unknown;
}

export function errorBody(problem: HttpProblem): TrustistErrorBody {
  const details = problem instanceof TrustistProblem ? problem.details : {};
  return { error: problem.code, message: problem.message, ...details };
}

/**
 * Renders a refusal in the error body the mock's variants choose (the docs give none): by default
 * `{ error, message }`; `errors-problem-json` an RFC 9457 problem; `errors-text-plain` a line of
 * text; `unauthorized-empty` a 401 with no body, only its challenge header.
 */
export function sendProblem(res: ServerResponse, problem: HttpProblem, variants: ReadonlySet<TrustistVariantName> = new Set()): void {
  const headers = problem instanceof TrustistProblem ? { ...problem.headers } : {};
  // A refused oversized body may still be streaming in: closing beats reading it to the end.
  if (problem.status === 413) headers.connection = 'close';
  if (problem.status === 401 && variants.has('unauthorized-empty')) return sendText(res, 401, '', headers);
  if (variants.has('errors-text-plain')) {
    return sendText(res, problem.status, problem.status === 401 ? 'Unauthorized' : `${problem.code}: ${problem.message}`, headers);
  }
  if (variants.has('errors-problem-json')) {
    const details = problem instanceof TrustistProblem ? problem.details : {};
    const body = { type: 'about:blank', title: STATUS_CODES[problem.status] ?? 'Error', status: problem.status, detail: problem.message, code: problem.code, ...details };
    return sendJson(res, problem.status, body, { ...headers, 'content-type': 'application/problem+json' });
  }
  sendJson(res, problem.status, errorBody(problem), headers);
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  const payload = Buffer.from(text);
  sendResponse(res, status, { ...(text === '' ? {} : { 'content-type': 'text/plain; charset=utf-8' }), 'content-length': String(payload.length), ...headers }, payload);
}

export const unauthorized = (message: string, challenge: string) => new TrustistProblem(401, 'unauthorized', message, { 'www-authenticate': challenge });
export const forbidden = (message: string) => new TrustistProblem(403, 'forbidden', message);
export const notFound = (message: string) => new TrustistProblem(404, 'not_found', message);
export const invalidRequest = (message: string) => new TrustistProblem(400, 'invalid_request', message);
