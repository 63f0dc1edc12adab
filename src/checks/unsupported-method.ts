import { isDeepStrictEqual } from 'node:util';
import type { KeyCredentials } from '../auth/signer.ts';
import type { CheckContext } from '../harness/check-context.ts';
import { sendSigned } from './send-as-documented.ts';
import { documentedPaths, fillPath } from './spec-operations.ts';

// `<vendor>.http.unsupported-method`: on every documented path, each method the spec does not
// give gets 404 or 405, never 2xx, and changes nothing. The paths and their methods come from the
// loaded spec; the vendor supplies a key, the records to aim at, a body that would change them if
// it were applied, and a snapshot of them. HEAD and OPTIONS are not tried: HTTP itself gives them
// a meaning on every resource (HEAD is GET without the body; OPTIONS asks what is allowed).

export const TRIED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export interface UnsupportedMethodOptions {
  /** A key that may call every documented operation: a refusal must be for the method, not the key. */
  credentials: KeyCredentials;
  /** Values for path parameters that name records the check made. */
  pathValues: Record<string, string>;
  /** The body sent with a method on a path template: one that would change the check's records if the target applied it. */
  body(pathTemplate: string, method: string): unknown;
  /** What the check's records look like now (read with documented operations); compared before and after each request. */
  snapshot(): Promise<unknown>;
}

export const ALLOWED_REFUSALS = [404, 405];

export async function unsupportedMethodCheck(ctx: CheckContext, options: UnsupportedMethodOptions): Promise<void> {
  const tried: string[] = [];
  for (const [template, documented] of documentedPaths(ctx.spec)) {
    const path = fillPath(template, options.pathValues);
    for (const method of TRIED_METHODS.filter((m) => !documented.has(m))) {
      const before = await options.snapshot();
      const body = options.body(template, method);
      const sent = await sendSigned(ctx, options.credentials, {
        method,
        path,
        ...(body === undefined ? {} : { body: JSON.stringify(body), contentType: 'application/json' }),
      });
      const what = `${method} ${template} (the spec gives ${[...documented].join(', ')})`;
      ctx.assert(sent.response !== undefined, `${what} got no answer: ${sent.error ?? 'unknown error'}`, { received: sent.error, expected: ALLOWED_REFUSALS });
      const { status, body: answer } = sent.response;
      ctx.assert(ALLOWED_REFUSALS.includes(status), `${what} answered ${status}: a method the docs do not give must get 404 or 405${status < 300 ? ', never 2xx' : ''}`, {
        received: { status, body: answer.slice(0, 500) },
        expected: ALLOWED_REFUSALS,
      });
      const after = await options.snapshot();
      ctx.assert(isDeepStrictEqual(after, before), `${what} changed the check's records: a refused method must change nothing`, { received: after, expected: before });
      tried.push(`${method} ${template}`);
    }
  }
  if (tried.length === 0) ctx.skip('the spec gives every tried method on every path, so no method is unsupported');
}
