import Hawk from '@hapi/hawk';
import { hawkResource } from '../../auth/hawk-signer.ts';
import type { KeyCredentials, Signer } from '../../auth/signer.ts';
import type { CheckContext } from '../../runner/check-context.ts';

/** Skips unless the run signs with Hawk (the built-in scheme, or a signer module writing Hawk headers): nonce replay and payload hash are Hawk's. */
export function requireHawk(ctx: CheckContext, signer: Signer, credentials: KeyCredentials): void {
  if (ctx.config.auth === 'hmac-sha256') ctx.skip('the run signs with hmac-sha256 (--auth), which has no nonce and always covers the body: this is a Hawk rule');
  // Signed with the run's own key and never sent: only the scheme name of the header is read.
  const probe = signer({ method: 'GET', url: new URL('/v1/customers', ctx.config.baseUrl), body: '' }, credentials);
  const scheme = /^\S+/.exec(probe.authorization ?? probe.Authorization ?? '')?.[0] ?? 'no Authorization header';
  if (scheme !== 'Hawk') ctx.skip(`the run's signer module signs with "${scheme}", not Hawk: this is a Hawk rule`);
}

/** A signer that signs the first request it is given and hands out those same headers ever after: a verbatim replay. */
export function signOnce(signer: Signer): Signer {
  let first: Record<string, string> | undefined;
  return (request, credentials) => (first ??= signer(request, credentials));
}

/** Hawk as the built-in signer does it, but with no payload hash: a client that leaves the optional `hash` out. */
export const unhashedHawkSigner: Signer = (request, credentials) => ({
  authorization: Hawk.client.header(hawkResource(request.url) as never, request.method.toUpperCase(), {
    credentials: { id: credentials.id, key: credentials.secret, algorithm: 'sha256' },
  }).header,
});
