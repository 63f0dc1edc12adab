import Hawk from '@hapi/hawk';
import type { Signer } from './signer.ts';

/**
 * Hawk 1 header scheme with sha256, as the vendor's authentication page documents. A request
 * with a body also carries the payload hash, as the vendor's own plugin sends it.
 */
export const hawkSigner: Signer = (request, credentials) => {
  const hasBody = request.body.length > 0;
  const { header } = Hawk.client.header(request.url.toString(), request.method, {
    credentials: { id: credentials.id, key: credentials.secret, algorithm: 'sha256' },
    // The hash covers the content type actually sent (none: empty), as a Hawk server computes it.
    ...(hasBody ? { payload: request.body as string, contentType: request.contentType ?? '' } : {}),
  });
  return { authorization: header };
};
