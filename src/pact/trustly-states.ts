import type { TrustlyClient } from '../vendors/trustly/client.ts';
import { freshTag, objectOf, type StateHandler } from './provider-states.ts';

/** Trustly's provider states, and what each sets up; the tag goes in the customer's externalId. */
export const TRUSTLY_STATES = {
  'no customer has the external id': 'returns { externalId }, a fresh tagged externalId; creates nothing',
  'a customer exists': 'creates a customer from the params (merged over a valid default); returns { customerId, externalId }',
} as const satisfies Record<string, string>;

// Set by the vendor, or the state's own key: never taken from params.
const SERVER_FIELDS = new Set(['customerId', 'merchantId', 'createdAt', 'updatedAt', 'externalId']);

export function trustlyStates(client: TrustlyClient, runId: string): Record<keyof typeof TRUSTLY_STATES, StateHandler> {
  return {
    'no customer has the external id': async () => ({ externalId: freshTag(runId) }),
    'a customer exists': async (params) => {
      const fields = Object.fromEntries(Object.entries(objectOf(params)).filter(([key]) => !SERVER_FIELDS.has(key)));
      const externalId = freshTag(runId);
      // The documented required fields, so a state without params still makes a valid customer.
      const body = { name: 'Conform Pact', email: 'pact@example.com', phone: '+14155550100', address: { country: 'US' }, ...fields, externalId };
      const reply = await client.createOrUpdate(body);
      if (reply.status !== 200 || !reply.customer) {
        throw new Error(`creating the customer got ${reply.status} ${reply.exchange.response?.body.slice(0, 200) ?? ''}`.trim());
      }
      return { customerId: reply.customer.customerId, externalId };
    },
  };
}
