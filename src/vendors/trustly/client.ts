import type { KeyCredentials } from '../../auth/signer.ts';
import type { CheckContext } from '../../runner/check-context.ts';
import { OperationClient, type CallOptions, type Reply as OperationReply } from '../../kinds/operation-client.ts';

export type Merchant = 'A' | 'B';

/** The customer object as the spec documents it (additional properties allowed). */
export interface Customer {
  customerId: string;
  merchantId: string;
  createdAt: number;
  updatedAt: number;
  name: string;
  address: { country: string; [field: string]: unknown };
  phone: string;
  email: string;
  externalId?: string | null;
  [field: string]: unknown;
}

export type OperationId = 'createOrUpdateCustomer' | 'listCustomers' | 'getCustomer' | 'updateCustomer';

/** One call's answer, validated against the spec for its status, with its customer(s) typed. */
export interface Reply extends OperationReply {
  /** The envelope's customer of a 2xx create, get or update. */
  customer?: Customer;
  /** The customers of a 2xx list, every page read. */
  customers?: Customer[];
}

/**
 * Typed client of the Trustly customer endpoints for merchant A or B (x-conform's merchantA,
 * merchantB), on the generic client: every call is recorded, its answer validated against the
 * spec, and a refusal of the merchant's own key stops the run.
 */
export class TrustlyClient {
  private readonly client: OperationClient;
  /** A key given as it is (an application's own), not a merchant's from the run's variables. */
  private readonly key?: KeyCredentials;

  constructor(ctx: CheckContext, merchant: Merchant | KeyCredentials) {
    this.client = new OperationClient(ctx, `merchant${typeof merchant === 'string' ? merchant : 'A'}`);
    if (typeof merchant !== 'string') this.key = merchant;
    else void this.client.credentials; // a merchant whose variables are not set skips the rule before anything is written
  }

  get credentials(): KeyCredentials {
    return this.key ?? this.client.credentials;
  }

  /** `POST /api/v1/customers`: create, or upsert by a body customerId/externalId (or the query's externalId). */
  createOrUpdate(body: unknown, options: { externalIdQuery?: string } = {}): Promise<Reply> {
    return this.call('createOrUpdateCustomer', { json: body, ...(options.externalIdQuery === undefined ? {} : { query: { externalId: options.externalIdQuery } }) });
  }

  get(customerId: string): Promise<Reply> {
    return this.call('getCustomer', { id: customerId });
  }

  /** `GET /api/v1/customers` with exactly the filters given (the suite always sends one). */
  list(filter: { externalId?: string; customerId?: string }): Promise<Reply> {
    return this.call('listCustomers', { query: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as Record<string, string> });
  }

  /** `POST /api/v1/customers/{customerId}`: update by id. */
  update(customerId: string, body: unknown): Promise<Reply> {
    return this.call('updateCustomer', { id: customerId, json: body });
  }

  /** Any call, e.g. with other credentials (null: none) or a raw body text. */
  async call(operationId: OperationId, options: CallOptions = {}): Promise<Reply> {
    const reply = await this.client.call(operationId, this.key && options.credentials === undefined ? { ...options, credentials: this.key } : options);
    return { ...reply, customer: reply.record as Customer | undefined, customers: reply.records as Customer[] | undefined };
  }
}

/** A client for merchant A or B; a merchant whose variables are not set skips the rule in hand. */
export function clientOf(ctx: CheckContext, merchant: Merchant): TrustlyClient {
  return new TrustlyClient(ctx, merchant);
}
