import { randomBytes } from 'node:crypto';
import type { Vendor } from '../openapi/vendors.ts';
import type { TrustistClient } from '../vendors/trustist/client.ts';
import type { TrustlyClient } from '../vendors/trustly/client.ts';

/** What a state returns: the values `fromProviderState` expressions are filled from. */
export type StateValues = Record<string, string>;
export type StateHandler = (params?: unknown) => Promise<StateValues>;

/**
 * The provider states conform can set up, by vendor. A pact names a state exactly so; its
 * params (optional) are the fields of the record the state creates. Each state creates what it
 * needs through the vendor's own API (there is no back door into a sandbox) and returns the ids
 * for `fromProviderState`. Every record carries the run's tag (`conform-<runId>`, design.md) in
 * Trustist's orgId or Trustly's externalId, so what a verification created can be found later.
 */
export const PROVIDER_STATES = {
  trustist: {
    'an organisation for new customers': 'returns { orgId }, a fresh tagged orgId; creates nothing',
    'a customer exists': 'creates a customer from the params (a create body); returns { id, orgId }',
    'a customer without person data exists': 'creates a customer without firstName, lastName and emailAddress; returns { id, orgId }',
    'customers exist in an organisation': 'creates params.count (default 2) customers in a fresh orgId; returns { orgId }',
  },
  trustly: {
    'no customer has the external id': 'returns { externalId }, a fresh tagged externalId; creates nothing',
    'a customer exists': 'creates a customer from the params (merged over a valid default); returns { customerId, externalId }',
  },
} as const satisfies Record<Vendor, Record<string, string>>;

const TRUSTIST_FIELDS = ['firstName', 'lastName', 'emailAddress', 'dateOfBirth', 'address'] as const;
const PERSON_FIELDS = new Set(['firstName', 'lastName', 'emailAddress']);
// Set by the vendor, or the state's own key: never taken from params.
const TRUSTLY_SERVER_FIELDS = new Set(['customerId', 'merchantId', 'createdAt', 'updatedAt', 'externalId']);

export function trustistStates(client: TrustistClient, runId: string): Record<string, StateHandler> {
  const freshOrg = (name?: unknown) => `conform-${runId}-${typeof name === 'string' && name !== '' ? `${name}-` : ''}${suffix()}`;
  const create = async (body: Record<string, unknown>) => {
    const reply = await client.createCustomer(body);
    if ((reply.status !== 200 && reply.status !== 201) || typeof reply.body?.id !== 'string') {
      throw new Error(`creating the customer got ${reply.status} ${reply.exchange.response?.body.slice(0, 200) ?? ''}`.trim());
    }
    return reply.body.id;
  };
  return {
    'an organisation for new customers': async (params) => ({ orgId: freshOrg(objectOf(params).orgId) }),
    'a customer exists': async (params) => {
      const fields = objectOf(params);
      const orgId = freshOrg(fields.orgId);
      return { id: await create({ ...pick(fields, TRUSTIST_FIELDS), orgId }), orgId };
    },
    'a customer without person data exists': async (params) => {
      const fields = objectOf(params);
      const orgId = freshOrg(fields.orgId);
      const body = Object.fromEntries(Object.entries(pick(fields, TRUSTIST_FIELDS)).filter(([key]) => !PERSON_FIELDS.has(key)));
      return { id: await create({ ...body, orgId }), orgId };
    },
    'customers exist in an organisation': async (params) => {
      const fields = objectOf(params);
      const orgId = freshOrg(fields.orgId);
      const count = typeof fields.count === 'number' && Number.isInteger(fields.count) ? Math.min(Math.max(fields.count, 1), 10) : 2;
      for (let i = 0; i < count; i++) await create({ ...pick(fields, TRUSTIST_FIELDS), orgId });
      return { orgId };
    },
  };
}

export function trustlyStates(client: TrustlyClient, runId: string): Record<string, StateHandler> {
  const freshExternalId = () => `conform-${runId}-${suffix()}`;
  return {
    'no customer has the external id': async () => ({ externalId: freshExternalId() }),
    'a customer exists': async (params) => {
      const fields = Object.fromEntries(Object.entries(objectOf(params)).filter(([key]) => !TRUSTLY_SERVER_FIELDS.has(key)));
      const externalId = freshExternalId();
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

function suffix(): string {
  return randomBytes(4).toString('hex');
}

function objectOf(params: unknown): Record<string, unknown> {
  return typeof params === 'object' && params !== null && !Array.isArray(params) ? (params as Record<string, unknown>) : {};
}

function pick(fields: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => fields[key] !== undefined).map((key) => [key, fields[key]]));
}
