import type { ServerResponse } from 'node:http';
import { HttpProblem, sendJson } from '../http-kit.ts';

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

export function sendProblem(res: ServerResponse, problem: HttpProblem): void {
  const headers = problem instanceof TrustistProblem ? { ...problem.headers } : {};
  // A refused oversized body may still be streaming in: closing beats reading it to the end.
  if (problem.status === 413) headers.connection = 'close';
  sendJson(res, problem.status, errorBody(problem), headers);
}

export const unauthorized = (message: string, challenge: string) => new TrustistProblem(401, 'unauthorized', message, { 'www-authenticate': challenge });
export const forbidden = (message: string) => new TrustistProblem(403, 'forbidden', message);
export const notFound = (message: string) => new TrustistProblem(404, 'not_found', message);
export const invalidRequest = (message: string) => new TrustistProblem(400, 'invalid_request', message);
