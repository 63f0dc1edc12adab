import './no-tracking.ts';
import assert from 'node:assert/strict';
import { MatchersV3 } from '@pact-foundation/pact';
import { CONSUMER, CONSUMER_TEST_CREDENTIALS, type Contract } from './contract.ts';
import { TrustistCustomers } from './trustist-app.ts';

const { equal, fromProviderState, eachLike, like, matchStatus, regex, string } = MatchersV3;

// Examples are the seed's (specs/trustist/customers.openapi.yaml), with a real-looking e-mail.
const SARAH = { firstName: 'Sarah', lastName: 'Johnson', emailAddress: 'sarah.johnson@example.com' };
const DATE_OF_BIRTH = '1985-03-15';
const ADDRESS = { addressLine1: '123 High Street', city: 'London', postalCode: 'SW1A 1AA', country: 'GB' };
const EXAMPLE_ID = '3kTp9j2mN5xR';

/** The app relies on the timestamps being RFC 3339 date-times, not on their values. */
const timestamp = () => regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, '2025-01-21T14:30:00Z');
const customerPath = () => fromProviderState('/v1/customers/${id}', `/v1/customers/${EXAMPLE_ID}`);
const stateId = () => fromProviderState('${id}', EXAMPLE_ID);

/**
 * What conform-example-app relies on from Trustist's customer API. Values the app sent and
 * reads back are pinned (equal); everything else is a type. Ids and orgIds come from provider
 * states, never constants, so the same pact verifies against a mock and a sandbox.
 */
export const trustistContract: Contract<TrustistCustomers> = {
  vendor: 'trustist',
  consumer: CONSUMER,
  provider: 'trustist-customers',
  connect: (baseUrl) => TrustistCustomers.connect(baseUrl, CONSUMER_TEST_CREDENTIALS),
  interactions: [
    {
      description: 'a request to create a customer',
      // The state hands out a tagged orgId, so the customer a verification creates on a sandbox can be found again.
      given: [{ state: 'an organisation for new customers' }],
      request: {
        method: 'POST',
        path: '/v1/customers',
        body: { ...SARAH, dateOfBirth: DATE_OF_BIRTH, address: ADDRESS, orgId: fromProviderState('${orgId}', 'branch-001') },
      },
      response: {
        // The docs leave the success status open (200 or 201, spec x-ambiguity) and the app
        // treats both as "created"; pinning one would fail a vendor that keeps to its docs.
        status: matchStatus(201, [200, 201]),
        body: {
          id: string(EXAMPLE_ID),
          firstName: like(SARAH.firstName),
          lastName: like(SARAH.lastName),
          emailAddress: like(SARAH.emailAddress),
          dateOfBirth: like(DATE_OF_BIRTH),
          address: like(ADDRESS),
          orgId: fromProviderState('${orgId}', 'branch-001'),
          created: timestamp(),
          lastUpdated: timestamp(),
        },
      },
      async exercise(app) {
        const customer = await app.register({ ...SARAH, dateOfBirth: DATE_OF_BIRTH, address: ADDRESS, orgId: 'branch-001' });
        assert.equal(typeof customer.id, 'string');
      },
    },
    {
      description: 'a request to read a customer',
      given: [{ state: 'a customer exists', params: { ...SARAH, dateOfBirth: DATE_OF_BIRTH } }],
      request: { method: 'GET', path: customerPath() },
      response: {
        status: 200,
        body: {
          id: stateId(),
          firstName: like(SARAH.firstName),
          lastName: like(SARAH.lastName),
          emailAddress: like(SARAH.emailAddress),
          dateOfBirth: regex(/^\d{4}-\d{2}-\d{2}$/, DATE_OF_BIRTH),
          created: timestamp(),
          lastUpdated: timestamp(),
        },
      },
      async exercise(app) {
        const customer = await app.find(EXAMPLE_ID);
        assert.equal(customer.id, EXAMPLE_ID);
      },
    },
    {
      description: 'a request to update part of a customer',
      given: [{ state: 'a customer exists', params: SARAH }],
      request: { method: 'PUT', path: customerPath(), body: { emailAddress: 'sarah.j@example.org' } },
      response: {
        status: 200,
        body: {
          id: stateId(),
          // Partial update: the fields the app did not send are still there...
          firstName: like(SARAH.firstName),
          lastName: like(SARAH.lastName),
          // ...and the response shows the change (the app displays it without re-reading).
          emailAddress: equal('sarah.j@example.org'),
          created: timestamp(),
          lastUpdated: timestamp(),
        },
      },
      async exercise(app) {
        const customer = await app.change(EXAMPLE_ID, { emailAddress: 'sarah.j@example.org' });
        assert.equal(customer.emailAddress, 'sarah.j@example.org');
      },
    },
    {
      description: 'a request to clear a customer field with null',
      given: [{ state: 'a customer exists', params: { ...SARAH, dateOfBirth: DATE_OF_BIRTH } }],
      request: { method: 'PUT', path: customerPath(), body: { dateOfBirth: null } },
      response: {
        status: 200,
        // The explicit null is accepted (not refused as a wrongly typed field) and the other
        // fields stay. That dateOfBirth is gone is not in the contract: the docs let a cleared
        // field come back absent or null, and Pact can only require a key to be present, so
        // this is left to `conform run` (trustist.customers.update.null-clears).
        body: {
          id: stateId(),
          firstName: like(SARAH.firstName),
          lastName: like(SARAH.lastName),
          emailAddress: like(SARAH.emailAddress),
          created: timestamp(),
          lastUpdated: timestamp(),
        },
      },
      async exercise(app) {
        const customer = await app.change(EXAMPLE_ID, { dateOfBirth: null });
        assert.ok(customer.dateOfBirth === undefined || customer.dateOfBirth === null);
      },
    },
    {
      description: 'a request to list the customers of an organisation',
      given: [{ state: 'customers exist in an organisation', params: { count: 2 } }],
      request: { method: 'GET', path: '/v1/customers', query: { orgId: fromProviderState('${orgId}', 'branch-london') } },
      response: {
        status: 200,
        // The list's shape is undocumented (bare array or an object holding it, spec
        // x-ambiguity): this app reads a bare array, as the reference mock answers.
        body: eachLike({ id: string(EXAMPLE_ID), orgId: fromProviderState('${orgId}', 'branch-london'), created: timestamp(), lastUpdated: timestamp() }, 1),
      },
      async exercise(app) {
        const customers = await app.inOrganisation('branch-london');
        assert.ok(customers.length >= 1 && customers.every((c) => c.orgId === 'branch-london'));
      },
    },
    {
      description: 'a request to start an identity check for a customer without person data',
      given: [{ state: 'a customer without person data exists' }],
      request: {
        method: 'POST',
        path: '/v1/onboard/sessions',
        body: { customerId: stateId(), orgId: 'branch-london', options: { identity: { identityCheck: true, amlExtensiveScreening: true } } },
      },
      response: {
        // The refusal's status is undocumented (400 or 422, spec x-ambiguity); the app handles both.
        status: matchStatus(400, [400, 422]),
        // Where the code sits is undocumented too; this app reads it from `error`, as the
        // seed's error table names errors. An app reading another field says so in its pact.
        body: { error: equal('missing_person_data') },
      },
      async exercise(app) {
        const outcome = await app.startIdentityCheck(EXAMPLE_ID, 'branch-london');
        assert.deepEqual(outcome, { started: false, reason: 'missing_person_data', status: 400 });
      },
    },
  ],
};
