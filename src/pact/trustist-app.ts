import type { KeyCredentials } from '../auth/signer.ts';
import { clientContext } from './client-context.ts';
import { OperationClient, type Reply } from '../kinds/operation-client.ts';
import type { Customer, CustomerPatch } from '../vendors/trustist/model.ts';

/** A new customer as conform-example-app registers it. */
export interface NewCustomer {
  firstName?: string;
  lastName?: string;
  emailAddress?: string;
  dateOfBirth?: string;
  address?: { addressLine1?: string; addressLine2?: string; city?: string; postalCode?: string; country?: string };
  orgId?: string;
}

export type IdentityCheck = { started: true; onboardUrl: string } | { started: false; reason: 'missing_person_data'; status: number };

/**
 * conform-example-app's Trustist integration: the calls an application that verifies its
 * customers' identity makes, written on the project's one client of every vendor (OperationClient). It is the consumer the
 * pacts in trustist-contract.ts describe, and what their consumer tests exercise.
 */
export class TrustistCustomers {
  private constructor(private readonly client: OperationClient) {}

  static async connect(baseUrl: string, credentials: KeyCredentials): Promise<TrustistCustomers> {
    return new TrustistCustomers(new OperationClient(await clientContext('trustist', baseUrl), 'tenantA', credentials));
  }

  async register(customer: NewCustomer): Promise<Customer> {
    // The documentation allows either success status (spec x-ambiguity); the app accepts both.
    return expectStatus('create a customer', await this.client.create(customer), [200, 201]);
  }

  async find(id: string): Promise<Customer> {
    return expectStatus('read a customer', await this.client.get(id), [200]);
  }

  /** A partial update: only the fields given change; a field given as null is cleared. */
  async change(id: string, patch: CustomerPatch): Promise<Customer> {
    return expectStatus('update a customer', await this.client.update(id, patch), [200]);
  }

  async inOrganisation(orgId: string): Promise<Customer[]> {
    const reply = await this.client.listByTag(orgId);
    if (reply.status !== 200 || !reply.records) throw unexpected('list customers', reply);
    return reply.records as Customer[];
  }

  /**
   * Starts identity and AML checks for the customer, under the branch that asks (the session's
   * orgId); a customer without the person data is refused, and the app asks for it.
   */
  async startIdentityCheck(customerId: string, orgId: string): Promise<IdentityCheck> {
    const reply = await this.client.call('createOnboardSession', { json: { customerId, orgId, options: { identity: { identityCheck: true, amlExtensiveScreening: true } } } });
    const body = reply.json as { onboardUrl?: unknown; error?: unknown } | undefined;
    if ((reply.status === 200 || reply.status === 201) && typeof body?.onboardUrl === 'string') return { started: true, onboardUrl: body.onboardUrl };
    if (reply.status >= 400 && reply.status < 500 && body?.error === 'missing_person_data') return { started: false, reason: 'missing_person_data', status: reply.status };
    throw unexpected('start an identity check', reply);
  }
}

function expectStatus(what: string, reply: Reply, statuses: number[]): Customer {
  if (!statuses.includes(reply.status) || !reply.record) throw unexpected(what, reply);
  return reply.record as Customer;
}

function unexpected(what: string, reply: Reply): Error {
  return new Error(`conform-example-app could not ${what}: ${reply.status} ${reply.exchange.response?.body.slice(0, 200) ?? ''}`);
}
