import { basicSigner } from '../../auth/basic-signer.ts';
import type { KeyCredentials } from '../../auth/signer.ts';
import type { CheckContext } from '../../harness/check-context.ts';
import { exchange, type Exchange } from '../../http/exchange.ts';
import { merchantCredentials, roleOf, type Merchant } from './credentials.ts';

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

/** One call's answer. The body has already been validated against the spec for its status. */
export interface Reply {
  status: number;
  json: unknown;
  exchange: Exchange;
  /** The envelope's customer when the status is 200 (create, get, update). */
  customer?: Customer;
  /** The list's customers when the status is 200 (list). */
  customers?: Customer[];
}

export interface RawRequest {
  operationId: OperationId;
  method: 'GET' | 'POST';
  /** Path below the API root, e.g. `/customers/123`. */
  path: string;
  json?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** The credentials to sign with; `null` sends the request without an Authorization header. */
  credentials: KeyCredentials | null;
}

/**
 * Typed client of the Trustly customer endpoints for one merchant. Every call is recorded on the
 * rule's context and its response validated against the spec (status, content type, body, error
 * bodies included), so any undocumented answer fails the rule in hand with its JSON pointer.
 */
export class TrustlyClient {
  private readonly noted = new Set<string>();

  constructor(
    private readonly ctx: CheckContext,
    readonly credentials: KeyCredentials,
  ) {}

  /** `POST /api/v1/customers`: create, or upsert by a body customerId/externalId (or the query's externalId). */
  createOrUpdate(body: unknown, options: { externalIdQuery?: string } = {}): Promise<Reply> {
    const query = options.externalIdQuery === undefined ? '' : `?${new URLSearchParams({ externalId: options.externalIdQuery })}`;
    return this.call({ operationId: 'createOrUpdateCustomer', method: 'POST', path: `/customers${query}`, json: body });
  }

  get(customerId: string): Promise<Reply> {
    return this.call({ operationId: 'getCustomer', method: 'GET', path: `/customers/${encodeURIComponent(customerId)}` });
  }

  /** `GET /api/v1/customers` with exactly the filters given (the suite always sends one). */
  list(filter: { externalId?: string; customerId?: string }): Promise<Reply> {
    const params = new URLSearchParams();
    if (filter.externalId !== undefined) params.set('externalId', filter.externalId);
    if (filter.customerId !== undefined) params.set('customerId', filter.customerId);
    return this.call({ operationId: 'listCustomers', method: 'GET', path: `/customers?${params}` });
  }

  /** `POST /api/v1/customers/{customerId}`: update by id. */
  update(customerId: string, body: unknown): Promise<Reply> {
    return this.call({ operationId: 'updateCustomer', method: 'POST', path: `/customers/${encodeURIComponent(customerId)}`, json: body });
  }

  /** Any request, e.g. unauthenticated, with other credentials or a malformed body; validated like the rest. */
  async raw(request: RawRequest, asConfigured = false): Promise<Reply> {
    const ex = await exchange({
      baseUrl: this.ctx.config.baseUrl,
      method: request.method,
      path: apiPath(this.ctx.config.baseUrl, request.path),
      json: request.json,
      rawBody: request.rawBody,
      headers: request.rawBody === undefined ? request.headers : { 'content-type': 'application/json', ...request.headers },
      signer: request.credentials ? (this.ctx.config.signer ?? basicSigner) : undefined,
      credentials: request.credentials ?? undefined,
      timeoutMs: this.ctx.config.timeoutMs,
    });
    this.ctx.record(ex);
    // A 401 to this merchant's own key, sent as configured, means the key was refused (both merchants hold every operation).
    if (asConfigured && request.credentials && ex.response && ex.error === undefined) this.ctx.expectCredentialAccepted(request.credentials, ex.response.status);
    // A list on a shared account may hold other writers' records: only the run's own are judged.
    this.ctx.validateResponse(request.operationId, ex, request.operationId === 'listCustomers' ? { scope: (json) => this.ownOnly(json) } : {});
    const { status, json } = ex.response!;
    const reply: Reply = { status, json, exchange: ex };
    if (status === 200 && isObject(json)) {
      if (isObject(json.customer)) {
        reply.customer = json.customer as Customer;
        if (request.operationId === 'createOrUpdateCustomer') this.note(reply.customer.customerId);
      }
      if (Array.isArray(json.customers)) reply.customers = json.customers as Customer[];
    }
    return reply;
  }

  /**
   * The list envelope with only the run's records: those a rule of this run created, or whose
   * externalId carries the run's tag.
   */
  private ownOnly(json: unknown): unknown {
    if (!isObject(json) || !Array.isArray(json.customers)) return json;
    const own = (c: unknown) =>
      isObject(c) && ((typeof c.customerId === 'string' && this.ctx.created.includes(c.customerId)) || (typeof c.externalId === 'string' && c.externalId.startsWith(`${this.ctx.tag}-`)));
    return { ...json, customers: json.customers.filter(own) };
  }

  /** A signed call with this client's credentials. */
  private call(request: Omit<RawRequest, 'credentials'>): Promise<Reply> {
    return this.raw({ ...request, credentials: this.credentials }, true);
  }

  private note(customerId: string): void {
    if (this.noted.has(customerId)) return;
    this.noted.add(customerId);
    this.ctx.noteCreated(customerId, roleOf(this.ctx.config.env, this.credentials));
  }
}

/**
 * The request path for an endpoint. The spec's paths carry `/api/v1`; a target given as the
 * vendor writes its base URL (`https://sandbox.trustly.one/api/v1`) must not get it twice.
 */
export function apiPath(baseUrl: string, path: string): string {
  const base = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const root = base.endsWith('/api/v1') ? base : `${base}/api/v1`;
  return `${root}${path}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A client for merchant A or B; a merchant whose variables are not set skips the rule in hand. */
export function clientOf(ctx: CheckContext, merchant: Merchant): TrustlyClient {
  return new TrustlyClient(ctx, merchantCredentials(ctx, merchant));
}
