import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { basicSigner } from './basic-signer.ts';
import { hawkSigner } from './hawk-signer.ts';
import { hmacSha256Signer } from './hmac-sha256-signer.ts';
import type { Signer } from './signer.ts';
import type { Vendor } from '../openapi/vendors.ts';

/**
 * The signer a run uses: Basic for Trustly; for Trustist `hawk` (default), `hmac-sha256`, or
 * the path of a user's module whose default export is a Signer.
 */
export async function resolveSigner(vendor: Vendor, auth: string | undefined): Promise<Signer> {
  if (vendor === 'trustly') return basicSigner;
  if (auth === undefined || auth === 'hawk') return hawkSigner;
  if (auth === 'hmac-sha256') return hmacSha256Signer;
  const module = (await import(pathToFileURL(resolve(auth)).href)) as { default?: unknown };
  if (typeof module.default !== 'function') {
    throw new Error(`the signer module ${auth} has no default export function (request, credentials) => headers`);
  }
  return module.default as Signer;
}
