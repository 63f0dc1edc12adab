import './no-tracking.ts';
import assert from 'node:assert/strict';
import { MatchersV3 } from '@pact-foundation/pact';
import { CONSUMER, CONSUMER_TEST_CREDENTIALS, type Contract } from './contract.ts';
import { TrustlyCustomers } from './trustly-app.ts';

const { equal, fromProviderState, eachLike, integer, like, regex, string } = MatchersV3;

const EXAMPLE_CUSTOMER_ID = '1002580963';
const EXAMPLE_EXTERNAL_ID = 'app-user-42';
// The app's own record of the user, as it sends it (the seed's example address).
const JANE = {
  name: 'Jane Doe',
  email: 'jane.doe@example.com',
  phone: '+14155550123',
  address: { address1: '2000 Broadway St', city: 'Redwood City', state: 'CA', zip: '94063', country: 'US' },
};
// The app keeps its own user id in customData and reads it back from every answer.
const CUSTOM_DATA = { appUserId: 'u-42' };

const externalIdFromState = () => fromProviderState('${externalId}', EXAMPLE_EXTERNAL_ID);

/** The customer object as the app reads it: types, plus whatever a test pins. */
function customer(overrides: Record<string, unknown> = {}) {
  return {
    customerId: regex(/^[0-9]+$/, EXAMPLE_CUSTOMER_ID),
    merchantId: string('1002463580'),
    // Unix milliseconds; the app only needs integers here.
    createdAt: integer(1555696836548),
    updatedAt: integer(1555696836548),
    name: like(JANE.name),
    email: like(JANE.email),
    phone: like(JANE.phone),
    address: like(JANE.address),
    externalId: externalIdFromState(),
    ...overrides,
  };
}

/**
 * What conform-example-app relies on from Trustly's customer API (North America). Every
 * answer is `{ "customer": ... }` or `{ "customers": [...] }` with status 200 (the only
 * documented success). Ids and externalIds come from provider states, never constants.
 */
export const trustlyContract: Contract<TrustlyCustomers> = {
  vendor: 'trustly',
  consumer: CONSUMER,
  provider: 'trustly-customers',
  connect: (baseUrl) => TrustlyCustomers.connect(baseUrl, CONSUMER_TEST_CREDENTIALS),
  interactions: [
    {
      description: 'a request to save a new customer by external id',
      given: [{ state: 'no customer has the external id' }],
      request: { method: 'POST', path: '/api/v1/customers', body: { ...JANE, externalId: externalIdFromState(), customData: CUSTOM_DATA } },
      response: { status: 200, body: { customer: customer({ customData: like(CUSTOM_DATA) }) } },
      async exercise(app) {
        const saved = await app.save({ ...JANE, externalId: EXAMPLE_EXTERNAL_ID, customData: CUSTOM_DATA });
        assert.equal(saved.customData && (saved.customData as Record<string, unknown>).appUserId, 'u-42');
      },
    },
    {
      description: 'a request to save an existing customer by external id',
      given: [{ state: 'a customer exists', params: JANE }],
      request: { method: 'POST', path: '/api/v1/customers', body: { ...JANE, phone: '+14155550199', externalId: externalIdFromState() } },
      response: {
        status: 200,
        // The upsert answers with the customer as stored: the app shows the new phone from it.
        body: { customer: customer({ customerId: fromProviderState('${customerId}', EXAMPLE_CUSTOMER_ID), phone: equal('+14155550199') }) },
      },
      async exercise(app) {
        const saved = await app.save({ ...JANE, phone: '+14155550199', externalId: EXAMPLE_EXTERNAL_ID });
        assert.equal(saved.phone, '+14155550199');
      },
    },
    {
      description: 'a request to read a customer by id',
      given: [{ state: 'a customer exists', params: JANE }],
      request: { method: 'GET', path: fromProviderState('/api/v1/customers/${customerId}', `/api/v1/customers/${EXAMPLE_CUSTOMER_ID}`) },
      response: { status: 200, body: { customer: customer({ customerId: fromProviderState('${customerId}', EXAMPLE_CUSTOMER_ID) }) } },
      async exercise(app) {
        const found = await app.find(EXAMPLE_CUSTOMER_ID);
        assert.equal(found.customerId, EXAMPLE_CUSTOMER_ID);
      },
    },
    {
      description: 'a request to list customers by external id',
      given: [{ state: 'a customer exists', params: JANE }],
      request: { method: 'GET', path: '/api/v1/customers', query: { externalId: externalIdFromState() } },
      response: { status: 200, body: { customers: eachLike(customer(), 1) } },
      async exercise(app) {
        const found = await app.byExternalId(EXAMPLE_EXTERNAL_ID);
        assert.ok(found.length >= 1 && found.every((c) => c.externalId === EXAMPLE_EXTERNAL_ID));
      },
    },
    {
      description: 'a request to update a customer by id',
      given: [{ state: 'a customer exists', params: JANE }],
      request: {
        method: 'POST',
        path: fromProviderState('/api/v1/customers/${customerId}', `/api/v1/customers/${EXAMPLE_CUSTOMER_ID}`),
        // The whole object goes back, as the vendor advises for an update by id.
        body: { ...JANE, name: 'Jane Roe', phone: '+14155550177', externalId: externalIdFromState() },
      },
      response: {
        status: 200,
        // The answer is the customer as stored: the changed fields are pinned, the rest are types.
        body: { customer: customer({ customerId: fromProviderState('${customerId}', EXAMPLE_CUSTOMER_ID), name: equal('Jane Roe'), phone: equal('+14155550177') }) },
      },
      async exercise(app) {
        const updated = await app.update(EXAMPLE_CUSTOMER_ID, { ...JANE, name: 'Jane Roe', phone: '+14155550177', externalId: EXAMPLE_EXTERNAL_ID });
        assert.deepEqual([updated.name, updated.phone], ['Jane Roe', '+14155550177']);
      },
    },
  ],
};
