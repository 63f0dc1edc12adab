import { SCHEME_SIGNERS } from '../auth/scheme-signer.ts';
import type { KeyCredentials } from '../auth/signer.ts';
import type { CheckContext } from '../runner/check-context.ts';
import { targetPath } from '../http/base-path.ts';
import { exchange, type Exchange } from '../http/exchange.ts';

/** A request of the generic HTTP checks: any method, path and body text. */
export interface PlainRequest {
  method: string;
  /** The API path and query as the spec writes it (already encoded); see sendPlain for where it goes. */
  path: string;
  /** The exact body text; none when undefined. */
  body?: string;
  /** A value sent as JSON text, when there is no `body`. */
  json?: unknown;
  /** The body's content type (default application/json). */
  contentType?: string;
}

/**
 * Sends a request to the target, signed as the run signs with the given key (none: unsigned), and
 * records it. The spec's path goes under the target's base URL as the kinds' client puts it
 * (targetPath: a gateway prefix kept, the x-conform basePath not repeated when the base URL
 * already ends in it). No response validation: these requests are outside (or at the edge of)
 * what the spec documents. One the run's limits kept from being judged (the deadline, the run's
 * stop, a lasting 429) leaves the rule incomplete, not passed.
 */
export async function sendPlain(ctx: CheckContext, request: PlainRequest, credentials?: KeyCredentials): Promise<Exchange> {
  const signer = ctx.config.signer ?? SCHEME_SIGNERS[ctx.spec.conform.auth.default];
  if (credentials && !signer) throw new Error(`the run has no ${ctx.config.vendor} signer (RunConfig.signer)`);
  const body = request.body ?? (request.json === undefined ? undefined : JSON.stringify(request.json));
  const contentType = body === undefined ? request.contentType : (request.contentType ?? 'application/json');
  const recorded = await exchange({
    baseUrl: ctx.config.baseUrl,
    method: request.method,
    path: targetPath(ctx.config.baseUrl, ctx.spec.conform.basePath, request.path),
    ...(body === undefined ? {} : { rawBody: body }),
    headers: contentType === undefined ? {} : { 'content-type': contentType },
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
