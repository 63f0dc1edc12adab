import { createHawkSigner, hawkSigner } from '../auth/hawk-signer.ts';
import { createHmacSha256Signer, hmacSha256Signer } from '../auth/hmac-sha256-signer.ts';
import type { Signer } from '../auth/signer.ts';

/**
 * The run's signer with its clock moved by `offsetMs`, to send a request whose signed timestamp
 * is far from the server's (a replay). Only the two built-in schemes carry a known timestamp;
 * for a user's own signer module there is no way to move it, so this returns undefined and the
 * check leaves that variant out.
 */
export function skewedSigner(signer: Signer, offsetMs: number): Signer | undefined {
  if (signer === hmacSha256Signer) return createHmacSha256Signer(() => Date.now() + offsetMs);
  if (signer === hawkSigner) return createHawkSigner(() => Date.now() + offsetMs);
  return undefined;
}
