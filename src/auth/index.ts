export type { KeyCredentials, SignableRequest, Signer } from './signer.ts';
export { createHawkSigner, hawkResource, hawkSigner } from './hawk-signer.ts';
export { hmacSha256Signer, createHmacSha256Signer, hmacStringToSign } from './hmac-sha256-signer.ts';
export { basicSigner } from './basic-signer.ts';
