import type { KeyCredentials } from '../auth/signer.ts';
import type { Vendor } from '../openapi/vendors.ts';
import type { CheckContext } from '../runner/check-context.ts';
import type { Contract } from './contract.ts';
import type { StateHandler } from './provider-states.ts';

/**
 * What `conform pact` needs of one vendor as a provider: each vendor describes it in
 * src/pact/<vendor>-pact.ts, and src/pact/pact-providers.ts lists them. The heavy parts (the
 * vendor's client, the consumer contract and Pact's library) load only when used.
 */
export interface PactProvider {
  vendor: Vendor;
  /** The provider states conform sets up, by name, with what each does (help, and messages). */
  states: Readonly<Record<string, string>>;
  /** The state handlers, creating what they need through the vendor's API on `ctx`'s target with `credentials`. */
  stateHandlers(ctx: CheckContext, credentials: KeyCredentials, runId: string): Promise<Record<string, StateHandler>>;
  /** The project's consumer contract for the vendor (conform-example-app's). */
  contract(): Promise<Contract<never>>;
}
