import type { KeyCredentials, Signer } from '../../auth/signer.ts';
import type { CheckContext } from '../../harness/check-context.ts';
import { exchange, type Exchange } from '../../http/exchange.ts';
import { extractCustomers, ownRecordsOnly, type ListShape } from './list-shape.ts';
import { roleOf } from './credentials.ts';
import type { Customer } from './model.ts';

export { extractCustomers, type ListShape } from './list-shape.ts';

/** One answer of the target, parsed, with the local clock around it (for timestamp rules). */
export interface Reply<T = unknown> {
  status: number;
  /** The parsed JSON body; undefined when there is none or it is not JSON. */
  body: T;
  headers: Record<string, string>;
  exchange: Exchange;
  sentAt: number;
  receivedAt: number;
}

export interface ListReply extends Reply {
  /** Every customer of every page, when the answer was a 200 list. */
  customers: Customer[];
  shape?: ListShape;
}

/** A request the typed operations cannot send: unsigned, mis-signed, malformed. */
export interface RawRequest {
  /** The spec operation whose documented responses the answer is validated against. */
  operationId: string;
  method: string;
  path: string;
  /** The exact body text. */
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /**
   * Sign the request, optionally as if it were another one (a different body, path or method):
   * the way to send a request whose signed parts were altered after signing.
   */
  sign?: { credentials: KeyCredentials; signer?: Signer; method?: string; path?: string; body?: string };
}

const MAX_PAGES = 100;

/**
 * The Trustist customers API as the checks use it. Every call records its exchange and validates
 * the answer against the spec for its operation, so a response the spec does not allow fails
 * whatever rule is being checked, wherever it happens.
 */
export class TrustistClient {
  constructor(
    private readonly ctx: CheckContext,
    readonly credentials: KeyCredentials,
  ) {}

  /** `reused` says the answer's id is one an earlier create of the same rule was given (see create.duplicates-allowed). */
  async createCustomer(body: unknown): Promise<Reply<Customer> & { reused: boolean }> {
    const reply = await this.send<Customer>('createCustomer', 'POST', '/v1/customers', body);
    let reused = false;
    if ((reply.status === 200 || reply.status === 201) && typeof reply.body?.id === 'string') {
      reused = this.ctx.created.includes(reply.body.id);
      if (!reused) this.ctx.noteCreated(reply.body.id, roleOf(this.ctx.config.env, this.credentials));
    }
    return { ...reply, reused };
  }

  getCustomer(id: string): Promise<Reply<Customer>> {
    return this.send<Customer>('getCustomer', 'GET', customerPath(id));
  }

  updateCustomer(id: string, body: unknown): Promise<Reply<Customer>> {
    return this.send<Customer>('updateCustomer', 'PUT', customerPath(id), body);
  }

  /** The session carries the run's tag in its `orgId` unless the body sets one: every write the suite leaves is findable. */
  createOnboardSession(body: unknown): Promise<Reply<Record<string, unknown>>> {
    const tagged = typeof body === 'object' && body !== null && !Array.isArray(body) && !('orgId' in body) ? { ...body, orgId: this.ctx.tag } : body;
    return this.send<Record<string, unknown>>('createOnboardSession', 'POST', '/v1/onboard/sessions', tagged);
  }

  /**
   * Lists customers, by orgId when given, following a next-page link or token when the target
   * returns one (paging is undocumented; only same-origin links are followed, so a signed request
   * never leaves the target).
   */
  async listCustomers(orgId?: string): Promise<ListReply> {
    let path = orgId === undefined ? '/v1/customers' : `/v1/customers?orgId=${encodeURIComponent(orgId)}`;
    const customers: Customer[] = [];
    let first: ListReply | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const reply = await this.send('listCustomers', 'GET', path);
      const extracted = reply.status === 200 ? extractCustomers(reply.body) : undefined;
      first ??= { ...reply, customers, ...(extracted ? { shape: extracted.shape } : {}) };
      if (!extracted) return first;
      customers.push(...extracted.customers);
      const next = extracted.next && nextPath(this.ctx.config.baseUrl, path, extracted.next);
      if (!next || next === path) break;
      path = next;
    }
    return first!;
  }

  /**
   * Whether a listed record is the run's: one a rule of this run created, or one carrying the run's
   * tag in orgId. Only those are validated against the spec; the rest of a busy tenant is not ours
   * to judge.
   */
  private isOwn(record: Record<string, unknown>): boolean {
    return (typeof record.id === 'string' && this.ctx.created.includes(record.id)) || (typeof record.orgId === 'string' && record.orgId.startsWith(`${this.ctx.tag}-`));
  }

  /** Sends a request as given: no credentials unless `sign` says so. */
  async raw(request: RawRequest): Promise<Reply> {
    const headers: Record<string, string> = { ...(request.headers ?? {}) };
    if (request.contentType !== undefined) headers['content-type'] = request.contentType;
    if (request.sign) {
      const signer = request.sign.signer ?? this.signer();
      const signed = {
        method: request.sign.method ?? request.method,
        url: new URL(request.sign.path ?? request.path, this.ctx.config.baseUrl),
        body: request.sign.body ?? request.body ?? '',
        ...(request.contentType === undefined ? {} : { contentType: request.contentType }),
      };
      Object.assign(headers, signer(signed, request.sign.credentials));
    }
    const reply = await this.finish(request.operationId, () =>
      exchange({
        baseUrl: this.ctx.config.baseUrl,
        method: request.method,
        path: request.path,
        ...(request.body === undefined ? {} : { rawBody: request.body }),
        headers,
        timeoutMs: this.ctx.config.timeoutMs,
      }),
    );
    // A create that succeeded, meant to or not (a refused body the target took), is in the ledger.
    const id = (reply.body as { id?: unknown } | undefined)?.id;
    if (request.operationId === 'createCustomer' && (reply.status === 200 || reply.status === 201) && typeof id === 'string') {
      this.ctx.noteCreated(id, request.sign ? roleOf(this.ctx.config.env, request.sign.credentials) : 'unknown');
    }
    return reply;
  }

  private signer(): Signer {
    const signer = this.ctx.config.signer;
    if (!signer) throw new Error('the run has no Trustist signer (RunConfig.signer)');
    return signer;
  }

  private send<T>(operationId: string, method: string, path: string, json?: unknown): Promise<Reply<T>> {
    return this.finish<T>(operationId, () =>
      exchange({
        baseUrl: this.ctx.config.baseUrl,
        method,
        path,
        ...(json === undefined ? {} : { json }),
        signer: this.signer(),
        credentials: this.credentials,
        timeoutMs: this.ctx.config.timeoutMs,
      }),
    );
  }

  private async finish<T>(operationId: string, run: () => Promise<Exchange>): Promise<Reply<T>> {
    const sentAt = Date.now();
    const recorded = await run();
    const receivedAt = Date.now();
    this.ctx.record(recorded);
    // A list may hold other writers' records: only the run's own are judged (isOwn).
    const scope = operationId === 'listCustomers' ? { scope: (json: unknown) => ownRecordsOnly(json, (c) => this.isOwn(c)) } : {};
    this.ctx.validateResponse(operationId, recorded, scope);
    const response = recorded.response!;
    return { status: response.status, body: response.json as T, headers: response.headers, exchange: recorded, sentAt, receivedAt };
  }
}

export function customerPath(id: string): string {
  return `/v1/customers/${encodeURIComponent(id)}`;
}

/** The path of the next page: a same-origin link, or the current path with a token parameter. */
function nextPath(baseUrl: string, current: string, next: { link?: string; token?: { name: string; value: string } }): string | undefined {
  if (next.link !== undefined) {
    const url = new URL(next.link, new URL(current, baseUrl));
    if (url.origin !== new URL(baseUrl).origin) return undefined;
    return `${url.pathname}${url.search}`;
  }
  if (next.token) {
    const url = new URL(current, baseUrl);
    url.searchParams.set(next.token.name, next.token.value);
    return `${url.pathname}${url.search}`;
  }
  return undefined;
}
