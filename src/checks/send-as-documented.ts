import type { KeyCredentials } from '../auth/signer.ts';
import type { CheckContext } from '../harness/check-context.ts';
import { exchange, type Exchange } from '../http/exchange.ts';

/** A request of the generic HTTP checks: any method, path and body text, signed with the given key. */
export interface PlainRequest {
  method: string;
  /** Path and query, already encoded. */
  path: string;
  /** The exact body text; none when undefined. */
  body?: string;
  contentType?: string;
}

/**
 * Sends a request signed as the run signs (the vendor's signer, the given key) and records it.
 * No response validation: these requests are outside (or at the edge of) what the spec documents.
 */
export async function sendSigned(ctx: CheckContext, credentials: KeyCredentials, request: PlainRequest): Promise<Exchange> {
  const signer = ctx.config.signer;
  if (!signer) throw new Error(`the run has no ${ctx.config.vendor} signer (RunConfig.signer)`);
  const recorded = await exchange({
    baseUrl: ctx.config.baseUrl,
    method: request.method,
    path: request.path,
    ...(request.body === undefined ? {} : { rawBody: request.body }),
    headers: request.contentType === undefined ? {} : { 'content-type': request.contentType },
    signer,
    credentials,
    timeoutMs: ctx.config.timeoutMs,
  });
  ctx.record(recorded);
  return recorded;
}
