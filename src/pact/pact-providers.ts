import { VENDORS, type Vendor } from '../openapi/vendors.ts';
import type { PactProvider } from './pact-provider.ts';
import { TRUSTIST_PACT } from './trustist-pact.ts';
import { TRUSTLY_PACT } from './trustly-pact.ts';

export type { PactProvider } from './pact-provider.ts';

/** The vendors conform verifies pacts for: the one list `conform pact` reads. */
export const PACT_PROVIDERS: readonly PactProvider[] = [TRUSTIST_PACT, TRUSTLY_PACT];

/** The vendor's provider; a vendor without one is an Error that says so, never another vendor's states. */
export function pactProvider(vendor: Vendor): PactProvider {
  const found = PACT_PROVIDERS.find((p) => p.vendor === vendor);
  if (found) return found;
  throw new Error(`conform cannot verify pacts for ${vendor}: it has no provider states or contract (src/pact/${vendor}-pact.ts, listed in src/pact/pact-providers.ts); providers: ${PACT_PROVIDERS.map((p) => p.vendor).join(', ')} (specs: ${VENDORS.join(', ')})`);
}
