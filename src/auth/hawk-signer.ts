import Hawk from '@hapi/hawk';
import type { Signer } from './signer.ts';

/**
 * Hawk 1 header scheme with sha256, as the vendor's authentication page documents. A request
 * with a body also carries the payload hash, as the vendor's own plugin sends it.
 */
export const hawkSigner: Signer = (request, credentials) => {
  const hasBody = request.body !== '';
  const { header } = Hawk.client.header(request.url.toString(), request.method, {
    credentials: { id: credentials.id, key: credentials.secret, algorithm: 'sha256' },
    ...(hasBody ? { payload: request.body, contentType: request.contentType ?? 'application/json' } : {}),
  });
  return { authorization: header };
};
