import { createRequire } from 'node:module';
import type HawkModule from '@hapi/hawk';
import type { SignableRequest, Signer } from './signer.ts';

// @hapi/hawk (and the six @hapi packages it needs) loads on the first Hawk signature, not with
// this module: every run's worker imports the built-in signers, and a Trustly run signs nothing
// with Hawk. It is CommonJS, so it loads synchronously, as a signer must answer.
let hawk: typeof HawkModule | undefined;
const loadHawk = (): typeof HawkModule => (hawk ??= createRequire(import.meta.url)('@hapi/hawk') as typeof HawkModule);

/**
 * What Hawk signs of a URL, taken from the very URL object the request is sent with: undici
 * sends `pathname + search` of that object as the request-target and `host` as the Host header.
 * Handing @hapi/hawk these parts, not the URL as a string, matters: it parses a string with the
 * legacy url.parse, which re-escapes `| ^ { } \`` and so signs a path other than the one sent.
 */
export function hawkResource(url: URL): { pathname: string; search: string; hostname: string; port: string; protocol: string } {
  return {
    pathname: url.pathname,
    search: url.search,
    hostname: url.hostname,
    port: url.port || (url.protocol === 'https:' ? '443' : '80'),
    protocol: url.protocol,
  };
}

/**
 * Hawk 1 header scheme with sha256, as the vendor's authentication page documents, on the
 * clock given (tests and the stale-timestamp checks move it). Every request carries the payload
 * hash, an empty body's included: a strict Hawk server requires it on every request that may
 * carry a body (POST, PUT, PATCH), and one that does not ask for it ignores it. The hash covers
 * the bytes sent and the content type sent (none: the empty string), as a Hawk server computes it.
 */
export function createHawkSigner(clock: () => number = () => Date.now()): Signer {
  return (request: SignableRequest, credentials) => {
    const { header } = loadHawk().client.header(hawkResource(request.url) as never, request.method.toUpperCase(), {
      credentials: { id: credentials.id, key: credentials.secret, algorithm: 'sha256' },
      timestamp: Math.floor(clock() / 1000),
      // Hawk hands the payload to crypto's hash.update, which takes a Buffer as it is.
      payload: request.body as string,
      contentType: request.contentType ?? '',
    });
    return { authorization: header };
  };
}

export const hawkSigner: Signer = createHawkSigner();
