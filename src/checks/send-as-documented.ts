import type { KeyCredentials } from '../auth/signer.ts';
import type { CheckContext } from '../runner/check-context.ts';
import { underBasePath } from '../http/base-path.ts';
import { exchange, type Exchange } from '../http/exchange.ts';

/** A request of the generic HTTP checks: any method, path and body text. */
export interface PlainRequest {
  method: string;
  /** The API path and query (as the spec writes it, already encoded); the target's base path goes in front. */
  path: string;
  /** The exact body text; none when undefined. */
  body?: string;
  contentType?: string;
}

/**
 * Sends a request under the target's base path, signed as the run signs with the given key (none:
 * unsigned), and records it. No response validation: these requests are outside (or at the edge
 * of) what the spec documents. One the run's limits kept from being judged (the deadline, the
 * run's stop, a lasting 429) leaves the rule incomplete, not passed.
 */
export async function sendPlain(ctx: CheckContext, request: PlainRequest, credentials?: KeyCredentials): Promise<Exchange> {
  const signer = ctx.config.signer;
  if (credentials && !signer) throw new Error(`the run has no ${ctx.config.vendor} signer (RunConfig.signer)`);
  const recorded = await exchange({
    baseUrl: ctx.config.baseUrl,
    method: request.method,
    path: underBasePath(ctx.config.baseUrl, request.path),
    ...(request.body === undefined ? {} : { rawBody: request.body }),
    headers: request.contentType === undefined ? {} : { 'content-type': request.contentType },
    ...(credentials ? { signer, credentials } : {}),
    timeoutMs: ctx.config.timeoutMs,
    session: ctx.http,
  });
  ctx.record(recorded);
  ctx.expectJudgeable(recorded);
  return recorded;
}

/** Sends a request signed as the run signs, with the given key, and records it (see sendPlain). */
export function sendSigned(ctx: CheckContext, credentials: KeyCredentials, request: PlainRequest): Promise<Exchange> {
  return sendPlain(ctx, request, credentials);
}
