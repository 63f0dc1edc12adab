import { randomUUID } from 'node:crypto';
import { basicSigner } from '../../auth/basic-signer.ts';
import type { KeyCredentials } from '../../auth/signer.ts';
import type { CheckContext } from '../../runner/check-context.ts';
import { RuleIncomplete } from '../../runner/rule-failure.ts';
import { exchange, type Exchange } from '../../http/exchange.ts';
import { nextPageOf, type NextPage } from '../../http/next-page.ts';
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

  /**
   * `GET /api/v1/customers` with exactly the filters given (the suite always sends one). The spec
   * documents one answer; a target that pages anyway (a `Link: <...>; rel="next"` header, a
   * `next` URL or token in the body) is read to its end, up to MAX_PAGES pages, same origin only.
   * A list it cannot read to its end leaves the rule incomplete.
   */
  async list(filter: { externalId?: string; customerId?: string }): Promise<Reply> {
    const params = new URLSearchParams();
    if (filter.externalId !== undefined) params.set('externalId', filter.externalId);
    if (filter.customerId !== undefined) params.set('customerId', filter.customerId);
    const first = await this.call({ operationId: 'listCustomers', method: 'GET', path: `/customers?${params}` });
    if (!first.customers) return first;
    const customers = [...first.customers];
    const seen = new Set<string>();
    let url = new URL(first.exchange.request.url);
    let reply = first;
    for (let page = 1; ; page++) {
      seen.add(`${url.pathname}${url.search}`);
      const next = nextPageOf(reply.exchange.response?.headers.link) ?? bodyNext(reply.json);
      if (next === undefined) return { ...first, customers };
      const target = 'link' in next ? new URL(next.link, url) : 'token' in next ? withParam(url, next.token.name, next.token.value) : undefined;
      if (target === undefined || target.origin !== url.origin) {
        throw new RuleIncomplete(`the customer list could not be read to its end: ${'unreadable' in next ? next.unreadable : "its next page is not on the target's origin"}`);
      }
      if (seen.has(`${target.pathname}${target.search}`)) throw new RuleIncomplete('the customer list could not be read to its end: its next page link goes back to a page already read');
      if (page >= MAX_PAGES) throw new RuleIncomplete(`the customer list could not be read to its end: it has more than ${MAX_PAGES} pages, the most the suite reads`);
      url = target;
      reply = await this.call({ operationId: 'listCustomers', method: 'GET', path: `${url.pathname}${url.search}` }, false);
      if (!reply.customers) return reply;
      customers.push(...reply.customers);
    }
  }

  /** `POST /api/v1/customers/{customerId}`: update by id. */
  update(customerId: string, body: unknown): Promise<Reply> {
    return this.call({ operationId: 'updateCustomer', method: 'POST', path: `/customers/${encodeURIComponent(customerId)}`, json: body });
  }

  /** Any request, e.g. unauthenticated, with other credentials or a malformed body; validated like the rest. */
  async raw(request: RawRequest, asConfigured = false, underApi = true): Promise<Reply> {
    const ex = await exchange({
      baseUrl: this.ctx.config.baseUrl,
      method: request.method,
      path: underApi ? apiPath(this.ctx.config.baseUrl, request.path) : request.path,
      json: request.json,
      rawBody: request.rawBody,
      headers: request.rawBody === undefined ? request.headers : { 'content-type': 'application/json', ...request.headers },
      signer: request.credentials ? (this.ctx.config.signer ?? basicSigner) : undefined,
      credentials: request.credentials ?? undefined,
      timeoutMs: this.ctx.config.timeoutMs,
      session: this.ctx.http,
    });
    this.ctx.record(ex);
    // A 401 to this merchant's own key, sent as configured, means the key was refused (both merchants hold every operation).
    if (asConfigured && request.credentials && ex.response && ex.error === undefined) {
      const credentials = request.credentials;
      await this.ctx.expectCredentialAccepted(credentials, ex.response.status, {
        probe: () =>
          exchange({
            baseUrl: this.ctx.config.baseUrl,
            method: 'GET',
            path: apiPath(this.ctx.config.baseUrl, `/customers/conform-probe-${randomUUID()}`),
            signer: this.ctx.config.signer ?? basicSigner,
            credentials,
            timeoutMs: this.ctx.config.timeoutMs,
            session: this.ctx.http,
          }),
      });
    }
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

  /** A signed call with this client's credentials; `underApi` false: the path is already whole (a next-page link). */
  private call(request: Omit<RawRequest, 'credentials'>, underApi = true): Promise<Reply> {
    return this.raw({ ...request, credentials: this.credentials }, true, underApi);
  }

  private note(customerId: string): void {
    if (this.noted.has(customerId)) return;
    this.noted.add(customerId);
    this.ctx.noteCreated(customerId, roleOf(this.ctx, this.credentials));
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

/** Pages of one list the suite reads at most. */
export const MAX_PAGES = 100;

/** A next page the body names: a `next` URL, or a continuation token. */
function bodyNext(json: unknown): NextPage | undefined {
  if (!isObject(json)) return undefined;
  if (typeof json.next === 'string' && json.next !== '') return { link: json.next };
  for (const name of ['nextPageToken', 'continuationToken']) {
    const value = json[name];
    if (typeof value === 'string' && value !== '') return { token: { name, value } };
  }
  for (const flag of ['hasMore', 'has_more']) if (json[flag] === true) return { unreadable: `the answer says ${flag}: true and names no next page` };
  return undefined;
}

function withParam(url: URL, name: string, value: string): URL {
  const next = new URL(url);
  next.searchParams.set(name, value);
  return next;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A client for merchant A or B; a merchant whose variables are not set skips the rule in hand. */
export function clientOf(ctx: CheckContext, merchant: Merchant): TrustlyClient {
  return new TrustlyClient(ctx, merchantCredentials(ctx, merchant));
}
