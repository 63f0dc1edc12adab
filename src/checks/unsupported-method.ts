import type { CheckContext } from '../runner/check-context.ts';
import type { Exchange } from '../http/exchange.ts';
import { fillPath, undocumentedMethods } from './documented-operations.ts';

/** What the generic unsupported-method check needs from a vendor's suite. */
export interface UnsupportedMethodOptions {
  /**
   * Sends one request with the run's valid credentials to a spec path (as the spec writes it,
   * parameters filled in) and returns the exchange, recorded on the rule's context. The vendor's
   * side maps the spec path onto the target's base URL and signs.
   */
  send(request: { method: string; path: string; body?: unknown }): Promise<Exchange>;
  /** A value for every path parameter: a record the check made, so a method that acts on it would show. */
  pathValues: Record<string, string>;
  /** A body the vendor would accept as a write to this record, so a method mistaken for a write has something to write. */
  body?: unknown;
  /** The state the request must leave alone, read through the documented operations (e.g. the record and a list by its key). */
  snapshot(): Promise<unknown>;
}

const ACCEPTED = [404, 405];

/**
 * Every documented path, every probed method the spec does not give for it: the answer is 404 or
 * 405, never 2xx, and the snapshot reads the same before and after.
 */
export async function unsupportedMethodCheck(ctx: CheckContext, options: UnsupportedMethodOptions): Promise<void> {
  const tried: string[] = [];
  for (const { path, methods } of undocumentedMethods(ctx.spec.spec)) {
    const filled = fillPath(path, options.pathValues);
    for (const method of methods) {
      const before = await options.snapshot();
      const exchange = await options.send({ method, path: filled, ...(method === 'GET' || method === 'DELETE' ? {} : { body: options.body }) });
      const what = `${method} ${path} (a method the spec does not give for this path)`;
      ctx.assert(exchange.response !== undefined, `${what} got no response: ${exchange.error ?? 'unknown error'}`, { received: exchange.error, expected: 'status 404 or 405' });
      const status = exchange.response.status;
      ctx.assert(ACCEPTED.includes(status), `${what} answered ${status}`, {
        received: { status, body: exchange.response.json ?? exchange.response.body.slice(0, 500) },
        expected: 'status 404 or 405',
      });
      const after = await options.snapshot();
      ctx.assertEqual(after, before, `${what} answered ${status} but changed what it must not (read before and after through the documented operations)`);
      tried.push(`${method} ${path}`);
    }
  }
  if (tried.length === 0) ctx.skip('every probed method (GET, POST, PUT, PATCH, DELETE) is documented on every path: nothing to try');
}
