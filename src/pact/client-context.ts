import { SCHEME_SIGNERS } from '../auth/scheme-signer.ts';
import type { Signer } from '../auth/signer.ts';
import { CheckContext } from '../runner/check-context.ts';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';
import type { Vendor } from '../openapi/vendors.ts';

export interface ClientContextOptions {
  /** How requests are signed; default the scheme the vendor's x-conform names first (Hawk for Trustist, Basic for Trustly). */
  signer?: Signer;
  /** Records created through this context carry `conform-<runId>` (design.md). */
  runId?: string;
  timeoutMs?: number;
}

/**
 * A CheckContext for using the typed clients outside a conformance run: a consumer test talking
 * to Pact's mock server, or a provider state creating its data on the target. The clients keep
 * their behaviour, validation included: an answer the spec does not allow throws a RuleFailure
 * that names the JSON pointer, which is what a contract test wants to hear about too.
 */
export async function clientContext(vendor: Vendor, baseUrl: string, options: ClientContextOptions = {}): Promise<CheckContext> {
  const spec = await loadVendorSpec(vendor);
  return new CheckContext(
    `pact.${vendor}`,
    {
      vendor,
      baseUrl,
      env: {},
      seed: 0,
      runs: 1,
      runId: options.runId ?? 'pact',
      signer: options.signer ?? SCHEME_SIGNERS[spec.conform.auth.default]!,
      timeoutMs: options.timeoutMs ?? 10_000,
      embedded: false,
    },
    spec,
    0,
  );
}
