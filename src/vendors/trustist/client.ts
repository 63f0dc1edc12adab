import { randomUUID } from 'node:crypto';
import type { KeyCredentials, Signer } from '../../auth/signer.ts';
import type { CheckContext } from '../../runner/check-context.ts';
import { RuleIncomplete } from '../../runner/rule-failure.ts';
import { underBasePath } from '../../http/base-path.ts';
import { exchange, type Exchange } from '../../http/exchange.ts';
import { nextPageOf, type NextPage } from '../../http/next-page.ts';
import { keyHolds, roleOf } from './credentials.ts';
import { extractCustomers, ownRecordsOnly, type ListShape } from './list-shape.ts';
import type { Customer } from './model.ts';

export { extractCustomers, type ListShape } from './list-shape.ts';
export { nextPageOf } from '../../http/next-page.ts';

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

/** Pages of one list the suite reads at most; a longer list leaves the rule incomplete. */
export const MAX_PAGES = 100;

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
      if (!reused) this.ctx.noteCreated(reply.body.id, roleOf(this.ctx, this.credentials));
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
   * Lists customers, by orgId when given, reading every page (paging is undocumented): the next
   * page named by a `Link: <...>; rel="next"` header (RFC 8288), a `next` URL or token in the body,
   * or page numbers the answer shows. A list it cannot read to its end (more than MAX_PAGES
   * pages, a next page it cannot follow) leaves the rule incomplete: never judged on part of it.
   * Only same-origin links are followed, so a signed request never leaves the target.
   */
  async listCustomers(orgId?: string): Promise<ListReply> {
    let path = underBasePath(this.ctx.config.baseUrl, orgId === undefined ? '/v1/customers' : `/v1/customers?orgId=${encodeURIComponent(orgId)}`);
    const customers: Customer[] = [];
    let first: ListReply | undefined;
    const seen = new Set<string>();
    for (let page = 1; ; page++) {
      seen.add(path);
      const reply = await this.sendAt<unknown>('listCustomers', 'GET', path);
      const extracted = reply.status === 200 ? extractCustomers(reply.body) : undefined;
      first ??= { ...reply, customers, ...(extracted ? { shape: extracted.shape } : {}) };
      if (!extracted) return first;
      customers.push(...extracted.customers);
      const next = nextPageOf(reply.headers.link) ?? extracted.next;
      if (next === undefined) return first;
      const nextPath = pathOfNext(this.ctx.config.baseUrl, path, next);
      if (nextPath === undefined || 'unreadable' in next) {
        throw new RuleIncomplete(`the customer list could not be read to its end: ${'unreadable' in next ? next.unreadable : `its next page (${describeNext(next)}) is not on the target's origin`}`);
      }
      if (seen.has(nextPath)) throw new RuleIncomplete(`the customer list could not be read to its end: its next page link goes back to a page already read (${nextPath})`);
      if (page >= MAX_PAGES) throw new RuleIncomplete(`the customer list could not be read to its end: it has more than ${MAX_PAGES} pages, the most the suite reads`);
      path = nextPath;
    }
  }

  /**
   * One page of a list, the first, and how it names the next: what paging looks like, read
   * without walking a busy tenant's every page. `next` is undefined when the answer names none.
   */
  async listFirstPage(orgId?: string): Promise<ListReply & { next?: NextPage; nextBy?: string }> {
    const path = underBasePath(this.ctx.config.baseUrl, orgId === undefined ? '/v1/customers' : `/v1/customers?orgId=${encodeURIComponent(orgId)}`);
    const reply = await this.sendAt<unknown>('listCustomers', 'GET', path);
    const extracted = reply.status === 200 ? extractCustomers(reply.body) : undefined;
    const page: ListReply = { ...reply, customers: extracted?.customers ?? [], ...(extracted ? { shape: extracted.shape } : {}) };
    const byHeader = nextPageOf(reply.headers.link);
    const next = byHeader ?? extracted?.next;
    if (next === undefined) return page;
    return { ...page, next, nextBy: byHeader ? 'Link header' : 'link' in next ? 'body next' : 'token' in next ? `body ${next.token.name}` : 'page' in next ? 'page number' : 'unreadable' };
  }

  /**
   * Whether a listed record is the rule's: one it created, or one carrying its namespace in orgId.
   * Only those are validated against the spec: the rest of a busy tenant, and the records other
   * rules of the run made, are not this rule's to judge.
   */
  private isOwn(record: Record<string, unknown>): boolean {
    // The rule's own namespace (orgNamespace): another rule's records are that rule's to judge.
    const namespace = `${this.ctx.tag}-${this.ctx.rule.replace(/^trustist\./, '')}-`;
    return (typeof record.id === 'string' && this.ctx.created.includes(record.id)) || (typeof record.orgId === 'string' && record.orgId.startsWith(namespace));
  }

  /** Sends a request as given (its path under the target's base path): no credentials unless `sign` says so. */
  async raw(request: RawRequest): Promise<Reply> {
    const headers: Record<string, string> = { ...(request.headers ?? {}) };
    if (request.contentType !== undefined) headers['content-type'] = request.contentType;
    if (request.sign) {
      const signer = request.sign.signer ?? this.signer();
      const signed = {
        method: request.sign.method ?? request.method,
        url: new URL(underBasePath(this.ctx.config.baseUrl, request.sign.path ?? request.path), this.ctx.config.baseUrl),
        body: request.sign.body ?? request.body ?? '',
        ...(request.contentType === undefined ? {} : { contentType: request.contentType }),
      };
      Object.assign(headers, signer(signed, request.sign.credentials));
    }
    const reply = await this.finish(request.operationId, () =>
      exchange({
        baseUrl: this.ctx.config.baseUrl,
        method: request.method,
        path: underBasePath(this.ctx.config.baseUrl, request.path),
        ...(request.body === undefined ? {} : { rawBody: request.body }),
        headers,
        timeoutMs: this.ctx.config.timeoutMs,
        session: this.ctx.http,
      }),
    );
    // A create that succeeded, meant to or not (a refused body the target took), is in the ledger.
    const id = (reply.body as { id?: unknown } | undefined)?.id;
    if (request.operationId === 'createCustomer' && (reply.status === 200 || reply.status === 201) && typeof id === 'string') {
      this.ctx.noteCreated(id, request.sign ? roleOf(this.ctx, request.sign.credentials) : 'unknown');
    }
    return reply;
  }

  private signer(): Signer {
    const signer = this.ctx.config.signer;
    if (!signer) throw new Error('the run has no Trustist signer (RunConfig.signer)');
    return signer;
  }

  private send<T>(operationId: string, method: string, path: string, json?: unknown): Promise<Reply<T>> {
    return this.sendAt<T>(operationId, method, underBasePath(this.ctx.config.baseUrl, path), json);
  }

  /** Sends to a path that already carries the target's base path (a next-page link, say). */
  private sendAt<T>(operationId: string, method: string, path: string, json?: unknown): Promise<Reply<T>> {
    return this.finish<T>(operationId, () =>
      exchange({
        baseUrl: this.ctx.config.baseUrl,
        method,
        path,
        ...(json === undefined ? {} : { json }),
        signer: this.signer(),
        credentials: this.credentials,
        timeoutMs: this.ctx.config.timeoutMs,
        session: this.ctx.http,
      }),
      true,
    );
  }

  /** `asConfigured`: sent with this client's key, signed as it should be (a 401 then means the key was refused). */
  private async finish<T>(operationId: string, run: () => Promise<Exchange>, asConfigured = false): Promise<Reply<T>> {
    const sentAt = Date.now();
    const recorded = await run();
    const receivedAt = Date.now();
    this.ctx.record(recorded);
    if (asConfigured && recorded.response && recorded.error === undefined) {
      await this.ctx.expectCredentialAccepted(this.credentials, recorded.response.status, {
        holds: (variable) => keyHolds(this.ctx, variable, operationId),
        probe: () =>
          exchange({
            baseUrl: this.ctx.config.baseUrl,
            method: 'GET',
            path: underBasePath(this.ctx.config.baseUrl, customerPath(`conform-probe-${randomUUID()}`)),
            signer: this.signer(),
            credentials: this.credentials,
            timeoutMs: this.ctx.config.timeoutMs,
            session: this.ctx.http,
          }),
      });
    }
    // A list may hold other writers' records: only the rule's own are judged (isOwn).
    const scope = operationId === 'listCustomers' ? { scope: (json: unknown) => ownRecordsOnly(json, (c) => this.isOwn(c)) } : {};
    this.ctx.validateResponse(operationId, recorded, scope);
    const response = recorded.response!;
    return { status: response.status, body: response.json as T, headers: response.headers, exchange: recorded, sentAt, receivedAt };
  }
}

export function customerPath(id: string): string {
  return `/v1/customers/${encodeURIComponent(id)}`;
}

/**
 * The path (and query) of the next page: a same-origin link, or the current path with the token
 * or page number set; undefined for a link to another origin or an unreadable next page.
 */
function pathOfNext(baseUrl: string, current: string, next: NextPage): string | undefined {
  const url = new URL(current, baseUrl);
  if ('link' in next) {
    const linked = new URL(next.link, url);
    if (linked.origin !== new URL(baseUrl).origin) return undefined;
    return `${linked.pathname}${linked.search}`;
  }
  if ('token' in next) url.searchParams.set(next.token.name, next.token.value);
  else if ('page' in next) url.searchParams.set(next.page.name, String(next.page.value));
  else return undefined;
  return `${url.pathname}${url.search}`;
}

function describeNext(next: NextPage): string {
  if ('link' in next) return next.link;
  if ('token' in next) return `${next.token.name}=${next.token.value}`;
  if ('page' in next) return `${next.page.name}=${next.page.value}`;
  return next.unreadable;
}
