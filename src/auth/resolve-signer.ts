import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { SCHEME_SIGNERS } from './scheme-signer.ts';
import type { Signer } from './signer.ts';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';

/**
 * The signer a run uses, by the auth schemes the vendor's x-conform names: a vendor with one
 * scheme (Trustly's Basic) always uses it; one with several uses `auth` (hawk, hmac-sha256), its
 * default when `auth` is not given, or the path of a user's module whose default export is a Signer.
 */
export async function resolveSigner(vendor: string, auth: string | undefined): Promise<Signer> {
  const { schemes, default: fallback } = (await loadVendorSpec(vendor)).conform.auth;
  if (schemes.length === 1) return SCHEME_SIGNERS[schemes[0]!]!;
  const scheme = auth ?? fallback;
  if ((schemes as string[]).includes(scheme)) return SCHEME_SIGNERS[scheme]!;
  return loadSignerModule(scheme);
}

/** A user's signer module: its default export must be a function (request, credentials) => headers. */
export async function loadSignerModule(path: string): Promise<Signer> {
  const module = (await import(pathToFileURL(resolve(path)).href)) as { default?: unknown };
  if (typeof module.default !== 'function') {
    throw new Error(`the signer module ${path} has no default export function (request, credentials) => headers`);
  }
  return module.default as Signer;
}
