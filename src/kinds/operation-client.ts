import { randomUUID } from 'node:crypto';
import { SCHEME_SIGNERS } from '../auth/scheme-signer.ts';
import type { KeyCredentials, Signer } from '../auth/signer.ts';
import type { CheckContext } from '../runner/check-context.ts';
import { targetPath } from '../http/base-path.ts';
import { exchange, type Exchange } from '../http/exchange.ts';
import { roleHolds, roleOfKey, type XConform } from '../openapi/x-conform.ts';
import { listOf, type ListShape } from './list-shape.ts';
import { nextPagePath } from './list-pages.ts';

export type Data = Record<string, unknown>;

/** One answer, validated against the spec for its operation, with the record(s) it carries. */
export interface Reply {
  status: number;
  json: unknown;
  exchange: Exchange;
  /** The record of a 2xx create, get or update answer (unwrapped from x-conform's envelope). */
  record?: Data;
  /** The records of a 2xx list answer, and how the answer holds them. */
  records?: Data[];
  shape?: ListShape;
  /** A 2xx create whose id is one this rule was already given: the earlier record is probably gone. */
  reused?: boolean;
  sentAt: number;
  receivedAt: number;
}

export interface CallOptions {
  /** The record id, for the path's one `{name}` parameter. */
  id?: string;
  query?: Record<string, string>;
  json?: unknown;
  /**
   * The key to sign with: a credential role's (the client's own by default), made-up
   * credentials, or null for a request with no credentials at all.
   */
  credentials?: KeyCredentials | null;
  /** Headers sent as given (an Authorization header that carries no credentials, say). */
  headers?: Record<string, string>;
  /** A body sent as this exact text, as JSON's content type (malformed JSON, say), instead of `json`. */
  rawBody?: string;
  /** Signs in place of the run's signer (a request signed other than as sent). */
  signer?: Signer;
  /** Only a list's first page: what paging looks like, without walking a busy account's every page. */
  firstPage?: boolean;
}

/**
 * One client for every vendor: calls operations by operationId, with the method and path the
 * spec gives them, the signer its x-conform names, and the record fields x-conform declares.
 * Every call is recorded on the rule's context and its answer validated against the spec, so an
 * undocumented answer fails the rule in hand, naming the JSON pointer.
 */
export class OperationClient {
  readonly conform: XConform;

  constructor(
    private readonly ctx: CheckContext,
    /** The credential role of x-conform whose key this client signs with. */
    readonly role: string,
    /** A key given in place of the role's variables (a client outside a run, such as a Pact consumer). */
    private readonly key?: KeyCredentials,
  ) {
    this.conform = ctx.spec.conform;
    const known = this.conform.credentials[role];
    if (!known) throw new Error(`no credential role "${role}" in the x-conform of ${ctx.spec.spec.path} (roles: ${Object.keys(this.conform.credentials).join(', ')})`);
  }

  /** The role's key; skips the rule in hand, naming the variables, when they are not set. */
  get credentials(): KeyCredentials {
    const { idVar, secretVar } = this.conform.credentials[this.role]!;
    return this.key ?? this.ctx.credentials(idVar, secretVar);
  }

  get signer(): Signer {
    return this.ctx.config.signer ?? SCHEME_SIGNERS[this.conform.auth.default]!;
  }

  create(body: unknown): Promise<Reply> {
    return this.call(this.conform.operations.create, { json: body });
  }

  get(id: string): Promise<Reply> {
    return this.call(this.conform.operations.get, { id });
  }

  update(id: string, body: unknown): Promise<Reply> {
    return this.call(this.conform.operations.update, { id, json: body });
  }

  /** A list by the tag filter x-conform names: only records of this run are judged. */
  listByTag(tag: string): Promise<Reply> {
    const filter = this.conform.record.tag.listFilter;
    if (filter === undefined) this.ctx.skip(`the x-conform of ${this.ctx.spec.spec.vendor} names no list filter for ${this.conform.record.tag.field}`);
    return this.call(this.conform.operations.list, { query: { [filter]: tag } });
  }

  /** The id of a record in an answer. */
  idOf(record: Data): string {
    return String(record[this.conform.record.id]);
  }

  /**
   * Calls an operation. A list is read to its end when the target pages it (list-pages.ts): its
   * reply carries the records of every page.
   */
  async call(operationId: string, options: CallOptions = {}): Promise<Reply> {
    const op = this.ctx.spec.validators.operation(operationId);
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      if (options.id === undefined) throw new Error(`${operationId} needs the record id for its path parameter "${name}"`);
      return encodeURIComponent(options.id);
    });
    const query = options.query ? `?${new URLSearchParams(options.query)}` : '';
    const first = await this.send(operationId, op.method, `${targetPath(this.ctx.config.baseUrl, this.conform.basePath, path)}${query}`, options);
    if (first.records === undefined || options.firstPage) return first;
    const records = [...first.records];
    const seen = new Set<string>();
    for (let page = first; ; ) {
      const next = nextPagePath(new URL(page.exchange.request.url), page.exchange.response?.headers.link, page.json, seen);
      if (next === undefined) return { ...first, records };
      page = await this.send(operationId, 'GET', next, options);
      if (page.records === undefined) return page;
      records.push(...page.records);
    }
  }

  private async send(operationId: string, method: string, path: string, options: CallOptions): Promise<Reply> {
    const credentials = options.credentials === undefined ? this.credentials : options.credentials;
    const sentAt = Date.now();
    const ex = await exchange({
      baseUrl: this.ctx.config.baseUrl,
      method,
      path,
      json: options.json,
      ...(options.rawBody === undefined ? {} : { rawBody: options.rawBody }),
      ...(options.headers || options.rawBody !== undefined ? { headers: { ...(options.rawBody === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers } } : {}),
      ...(credentials ? { signer: options.signer ?? this.signer, credentials } : {}),
      timeoutMs: this.ctx.config.timeoutMs,
      session: this.ctx.http,
    });
    const receivedAt = Date.now();
    this.ctx.record(ex);
    if (options.credentials === undefined && ex.response && ex.error === undefined) {
      await this.ctx.expectCredentialAccepted(credentials!, ex.response.status, {
        holds: (variable) => roleHolds(this.conform, variable, operationId),
        probe: () => this.probe(credentials!),
      });
    }
    const isList = operationId === this.conform.operations.list;
    this.ctx.validateResponse(operationId, ex, isList ? { scope: (json) => this.ownOnly(json) } : {});
    const { status, json } = ex.response!;
    const reply: Reply = { status, json, exchange: ex, sentAt, receivedAt };
    if (status >= 200 && status < 300) {
      if (isList) {
        Object.assign(reply, listOf(json, this.conform.record.listEnvelope));
      } else {
        const record = this.conform.record.envelope === undefined ? json : isObject(json) ? json[this.conform.record.envelope] : undefined;
        if (isObject(record)) {
          reply.record = record;
          if (operationId === this.conform.operations.create && record[this.conform.record.id] !== undefined) {
            reply.reused = this.ctx.created.includes(this.idOf(record));
            this.ctx.noteCreated(this.idOf(record), roleOfKey(this.conform, this.ctx.config.env, credentials?.id ?? ''));
          }
        }
      }
    }
    return reply;
  }

  /** The answer's record, failing the rule when a 2xx carries none. */
  recordOf(reply: Reply, what: string): Data {
    this.ctx.assert(reply.status >= 200 && reply.status < 300, `${what} answered ${reply.status}`, { received: reply.status, expected: 'a 2xx answer' });
    this.ctx.assert(reply.record !== undefined, `${what} answered ${reply.status} without a record`, { received: reply.json, expected: 'the record' });
    return reply.record;
  }

  /** The harmless request the preflight makes: a GET of a made-up id. */
  private probe(credentials: KeyCredentials): Promise<Exchange> {
    const op = this.ctx.spec.validators.operation(this.conform.operations.get);
    const path = op.path.replace(/\{[^}]+\}/, `conform-probe-${randomUUID()}`);
    return exchange({ baseUrl: this.ctx.config.baseUrl, method: 'GET', path: targetPath(this.ctx.config.baseUrl, this.conform.basePath, path), signer: this.signer, credentials, timeoutMs: this.ctx.config.timeoutMs, session: this.ctx.http });
  }

  /**
   * A list on a shared account may hold other writers' records, and those of the run's other
   * rules: only the records this rule created are validated, so a record another rule's fault
   * stored badly is blamed on that rule, not on every rule that lists the account.
   */
  private ownOnly(json: unknown): unknown {
    const own = (r: unknown) => isObject(r) && this.ctx.created.includes(String(r[this.conform.record.id]));
    const shape = listOf(json, this.conform.record.listEnvelope)?.shape;
    if (shape?.kind === 'array') return (json as unknown[]).filter(own);
    return shape ? { ...(json as Data), [shape.key]: (json as Record<string, unknown[]>)[shape.key]!.filter(own) } : json;
  }
}

export function isObject(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
