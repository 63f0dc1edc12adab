import type { Contract } from './contract.ts';
import type { PactProvider } from './pact-provider.ts';
import { TRUSTIST_STATES, trustistStates } from './trustist-states.ts';

/** Trustist as a Pact provider, as src/pact/pact-providers.ts lists it. */
export const TRUSTIST_PACT: PactProvider = {
  vendor: 'trustist',
  states: TRUSTIST_STATES,
  async stateHandlers(ctx, credentials, runId) {
    const { OperationClient } = await import('../kinds/operation-client.ts');
    return trustistStates(new OperationClient(ctx, 'tenantA', credentials), runId);
  },
  contract: async () => (await import('./trustist-contract.ts')).trustistContract as Contract<never>,
};
