import type { Contract } from './contract.ts';
import type { PactProvider } from './pact-provider.ts';
import { TRUSTLY_STATES, trustlyStates } from './trustly-states.ts';

/** Trustly as a Pact provider, as src/pact/pact-providers.ts lists it. */
export const TRUSTLY_PACT: PactProvider = {
  vendor: 'trustly',
  states: TRUSTLY_STATES,
  async stateHandlers(ctx, credentials, runId) {
    const { TrustlyClient } = await import('../vendors/trustly/client.ts');
    return trustlyStates(new TrustlyClient(ctx, credentials), runId);
  },
  contract: async () => (await import('./trustly-contract.ts')).trustlyContract as Contract<never>,
};
