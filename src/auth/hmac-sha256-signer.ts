import { createHash, createHmac } from 'node:crypto';
import type { SignableRequest, Signer } from './signer.ts';

// The seed shows `Authorization: HMAC-SHA256 Credential=KEY_ID, Signature=...` without saying
// what is signed, so this project defines the string-to-sign (documented in the spec's
// `hmacSha256` security scheme and the README): the lines
//   HMAC-SHA256
//   <unix seconds, as in Timestamp=>
//   <METHOD>
//   <path and query, as sent>
//   <host[:port], lower case>
//   <hex SHA-256 of the body>
// joined by "\n", signed with HMAC-SHA256 under the key secret, base64-encoded.

export function hmacStringToSign(request: SignableRequest, timestamp: number): string {
  return [
    'HMAC-SHA256',
    String(timestamp),
    request.method.toUpperCase(),
    `${request.url.pathname}${request.url.search}`,
    request.url.host.toLowerCase(),
    createHash('sha256').update(request.body).digest('hex'),
  ].join('\n');
}

export function createHmacSha256Signer(clock: () => number = () => Date.now()): Signer {
  return (request, credentials) => {
    const timestamp = Math.floor(clock() / 1000);
    const signature = createHmac('sha256', credentials.secret).update(hmacStringToSign(request, timestamp), 'utf8').digest('base64');
    return { authorization: `HMAC-SHA256 Credential=${credentials.id}, Timestamp=${timestamp}, Signature=${signature}` };
  };
}

export const hmacSha256Signer: Signer = createHmacSha256Signer();
