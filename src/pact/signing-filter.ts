import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyCredentials, Signer } from '../auth/signer.ts';

/** A request as Pact's verifier proxy (Express with body-parser) hands it to a request filter. */
export type ProxiedRequest = IncomingMessage & { body?: unknown };
export type RequestFilter = (req: ProxiedRequest, res: ServerResponse, next: () => void) => void;

// The proxy's own endpoints: provider-state changes and message transport go to the proxy's
// handlers, never to the target, so they are not signed.
const PROXY_PATHS = ['/_pactSetup', '/_messages'];

/**
 * A request filter for Pact's Verifier that signs every request on its way to the target.
 *
 * The signature must cover what the target receives, not what the verifier sent to the proxy:
 * - the body: body-parser has already parsed it, and the proxy forwards the re-serialised form
 *   (JSON.stringify of the parsed object, or the raw bytes), so that is what is signed, and its
 *   length replaces the original Content-Length;
 * - host and path: the verifier talks to the proxy on 127.0.0.1, so the Host header the filter
 *   sees is the proxy's. The verifier runs with `changeOrigin`, which makes the proxy send the
 *   target's host, and it prefixes the target's base path, so the URL signed is the target's
 *   base URL joined with the request path.
 */
export function signingFilter(options: { target: URL; signer: Signer; credentials: KeyCredentials }): RequestFilter {
  const basePath = options.target.pathname.replace(/\/+$/, '');
  return (req, _res, next) => {
    const path = req.url ?? '/';
    if (PROXY_PATHS.some((p) => path === p || path.startsWith(`${p}?`))) return next();
    const body = forwardedBody(req);
    const url = new URL(`${basePath}${path}`, options.target.origin);
    const contentType = header(req, 'content-type');
    const signed = options.signer(
      { method: req.method ?? 'GET', url, body, ...(contentType === undefined ? {} : { contentType }) },
      options.credentials,
    );
    for (const [name, value] of Object.entries(signed)) req.headers[name.toLowerCase()] = value;
    const length = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    if (length > 0 || req.headers['content-length'] !== undefined) req.headers['content-length'] = String(length);
    next();
  };
}

/** The body exactly as pact-js's proxy forwards it (its parseBody): raw bytes, or re-serialised JSON. */
export function forwardedBody(req: ProxiedRequest): string | Buffer {
  const { body } = req;
  if (!body) return '';
  if (Buffer.isBuffer(body)) return body.length === 0 ? '' : body;
  if (typeof body === 'object') return JSON.stringify(body);
  return '';
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
