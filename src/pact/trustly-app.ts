import type { KeyCredentials } from '../auth/signer.ts';
import { clientContext } from './client-context.ts';
import { TrustlyClient, type Customer, type Reply } from '../vendors/trustly/client.ts';

/** A customer as conform-example-app sends it to Trustly (the documented required fields, and its own key). */
export interface CustomerInput {
  name: string;
  email: string;
  phone: string;
  address: { country: string; address1?: string; address2?: string; city?: string; state?: string; zip?: string };
  externalId: string;
  customData?: Record<string, unknown>;
  [field: string]: unknown;
}

/**
 * conform-example-app's Trustly integration: it keeps its own user id as the customer's
 * externalId and saves customers by upsert, reads them by id or externalId, and updates by id
 * (posting the whole object back, as the vendor advises). Written on the project's typed client.
 */
export class TrustlyCustomers {
  private constructor(private readonly client: TrustlyClient) {}

  static async connect(baseUrl: string, credentials: KeyCredentials): Promise<TrustlyCustomers> {
    return new TrustlyCustomers(new TrustlyClient(await clientContext('trustly', baseUrl), credentials));
  }

  /** Creates the customer, or updates the one that already has this externalId. */
  async save(customer: CustomerInput): Promise<Customer> {
    return customerOf('save a customer', await this.client.createOrUpdate(customer));
  }

  async find(customerId: string): Promise<Customer> {
    return customerOf('read a customer', await this.client.get(customerId));
  }

  async byExternalId(externalId: string): Promise<Customer[]> {
    const reply = await this.client.list({ externalId });
    if (reply.status !== 200 || !reply.customers) throw unexpected('list customers', reply);
    return reply.customers;
  }

  async update(customerId: string, customer: CustomerInput): Promise<Customer> {
    return customerOf('update a customer', await this.client.update(customerId, customer));
  }
}

function customerOf(what: string, reply: Reply): Customer {
  if (reply.status !== 200 || !reply.customer) throw unexpected(what, reply);
  return reply.customer;
}

function unexpected(what: string, reply: Reply): Error {
  return new Error(`conform-example-app could not ${what}: ${reply.status} ${reply.exchange.response?.body.slice(0, 200) ?? ''}`);
}
