import { basicSigner } from './basic-signer.ts';
import { hawkSigner } from './hawk-signer.ts';
import { hmacSha256Signer } from './hmac-sha256-signer.ts';
import type { Signer } from './signer.ts';

/** The signer of each auth scheme a spec's x-conform can name. */
export const SCHEME_SIGNERS: Record<string, Signer> = {
  hawk: hawkSigner,
  'hmac-sha256': hmacSha256Signer,
  basic: basicSigner,
};
