import { isDeepStrictEqual } from 'node:util';
import type fc from 'fast-check';
import type { KeyCredentials } from '../auth/signer.ts';
import type { Exchange } from '../http/exchange.ts';
import { DEADLINE_REACHED, HttpSession } from '../http/http-session.ts';
import type { VendorSpec } from '../openapi/vendor-spec.ts';
import { addShape } from '../results/response-shapes.ts';
import { propertyTimeCapMs, runProperty } from './property.ts';
import type { RunConfig } from './run-config.ts';
import { CredentialRefused, RuleFailure, RuleIncomplete, RuleSkip } from './rule-failure.ts';
import { tallyExchange, tallyKey } from './server-error-tally.ts';
import { TagNamespace } from './tag-namespace.ts';

/** What a check gets: the run, the spec, and the means to record, observe, skip and fail. */
export class CheckContext {
  readonly exchanges: Exchange[] = [];
  exchangeCount = 0;
  readonly created: string[] = [];
  /** The credential role that owns each created record (tenantA, merchantB, ...): whose key can scrub it. */
  readonly owners = new Map<string, string>();
  /** Response fields seen, per "operationId status": the raw material of the behaviour fingerprint. */
  readonly shapes = new Map<string, Map<string, Set<string>>>();
  observation: unknown = undefined;
  observed = false;
  /**
   * Where responses went beyond what the docs promise (an inferred constraint, an error's content
   * type or body, an undocumented 4xx status), one entry per operation, status and finding: drift,
   * recorded on the rule's observation, failed only in strict mode.
   */
  readonly drift = new Map<string, { operation: string; status: number; pointer: string; message: string; received?: unknown }>();
  /** The properties' runs, summed over every property of the rule: asked for, and made. */
  propertyRuns: { requested: number; executed: number } | undefined = undefined;
  /** Where every request of this check goes through: the run's limits, its stop, the target's latency. */
  readonly http: HttpSession;
  #tally: string | undefined;

  constructor(
    readonly rule: string,
    readonly config: RunConfig,
    readonly spec: VendorSpec,
    /** fast-check seed of this rule, derived from the run seed and the rule id. */
    readonly seed: number,
  ) {
    this.http = config.http ?? new HttpSession({ maxWrites: config.maxWrites, rps: config.rps, deadlineAt: config.deadlineAt });
  }

  /** Tag for records this run creates: `conform-<runId>`. */
  get tag(): string {
    return `conform-${this.config.runId}`;
  }

  /**
   * Fresh tagged keys for this rule's records under `label`. The rule id is part of them: a kind
   * that several rules of a run use (scope-isolation, unknown-id) would otherwise hand each rule
   * the same keys, and one rule's lists would show the other's records.
   */
  namespace(label: string): TagNamespace {
    return new TagNamespace(this.tag, `${this.rule.slice(this.rule.indexOf('.') + 1)}-${label}`);
  }

  get runs(): number {
    return this.config.runs;
  }

  /**
   * The run count capped at `most`: for rules that depend on the key or the tenant rather than on
   * the data, where more runs only add requests.
   */
  runsAtMost(most: number): number {
    return Math.max(1, Math.min(this.config.runs, most));
  }

  /** Keeps the last exchanges for the report; the count says how many there were. */
  record(exchange: Exchange): void {
    // Every request of every rule counts toward the run's no-server-error rule.
    // The key hashes the credentials: once per rule, not once per request.
    this.#tally ??= tallyKey(this.config);
    tallyExchange(this.#tally, this.rule, exchange);
    this.exchangeCount++;
    this.exchanges.push(exchange);
    if (this.exchanges.length > 12) this.exchanges.shift();
  }

  /** Records an id the check created on the target, with the credential role that owns it. */
  noteCreated(id: string, owner = 'unknown'): void {
    if (this.created.length < 1000 && !this.owners.has(id)) {
      this.created.push(id);
      this.owners.set(id, owner);
    }
  }

  /** Records what the target did where the documentation leaves it open. */
  observe(observation: unknown): void {
    this.observation = observation;
    this.observed = true;
  }

  skip(reason: string): never {
    throw new RuleSkip(reason);
  }

  /**
   * A key pair from the run's credential variables; skips the rule, naming the variables, when
   * either is not set.
   */
  credentials(idVar: string, secretVar: string): KeyCredentials {
    const id = this.config.env[idVar];
    const secret = this.config.env[secretVar];
    if (!id || !secret) this.skip(`needs ${idVar} and ${secretVar}, which are not set`);
    return { id, secret };
  }

  /** Runs a fast-check property with this rule's seed and run count; a failure is shrunk and recorded. */
  property<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, options: { runs?: number; examples?: T[] } = {}): Promise<void> {
    const numRuns = options.runs ?? this.runs;
    const msToDeadline = this.http.msToDeadline();
    return runProperty(arbitrary, predicate, {
      seed: this.seed,
      numRuns,
      timeCapMs: propertyTimeCapMs(numRuns, this.config.rps, this.http.typicalLatencyMs()),
      ...(msToDeadline === undefined ? {} : { msToDeadline }),
      onRuns: ({ requested, executed }) => {
        const sum = this.propertyRuns ?? { requested: 0, executed: 0 };
        this.propertyRuns = { requested: sum.requested + requested, executed: sum.executed + executed };
      },
      ...(options.examples ? { examples: options.examples } : {}),
      ...(this.config.shrinkBudget === undefined ? {} : { shrinkBudget: this.config.shrinkBudget }),
    });
  }

  /**
   * Stops the run when the target refused (401) a configured credential on a request sent with
   * it as configured, where the rule did not set out to be refused: a wrong, revoked or
   * locked-out key. Credentials the check made up (unknown ids, wrong secrets) are not the
   * run's, so their 401 is for the rule to judge; so is a key used for an operation it does not
   * hold (`holds` says which it does), and so is a 401 where the key still works for `probe`
   * (a GET of a made-up id).
   */
  async expectCredentialAccepted(
    credentials: KeyCredentials,
    status: number,
    options: { holds?: (variable: string) => boolean; probe: () => Promise<Exchange> },
  ): Promise<void> {
    if (status !== 401) return;
    const variable = configuredCredential(this.config.env, credentials);
    // A key used for what it may not do (a read-only key creating) may get 401 by the docs' reading.
    if (variable === undefined || !(options.holds ?? (() => true))(variable)) return;
    // The preflight's harmless request again, with the same key: if the target still takes the
    // key there, this 401 was about the request (the rule's to judge), not the key.
    const probe = await options.probe();
    this.record(probe);
    if (probe.response?.status !== 401) return;
    const refused = new CredentialRefused(variable, status);
    this.http.stop(`run stopped: ${refused.message}`);
    throw refused;
  }

  /** Fails the rule unless `condition` holds. */
  assert(condition: boolean, message: string, details: { received?: unknown; expected?: unknown; pointer?: string } = {}): asserts condition {
    if (!condition) throw new RuleFailure(message, details);
  }

  /** Fails the rule unless the two values are deeply equal. */
  assertEqual(received: unknown, expected: unknown, message: string): void {
    if (!isDeepStrictEqual(received, expected)) throw new RuleFailure(message, { received, expected });
  }

  /**
   * Throws RuleIncomplete when the run's own limits kept the exchange from being judged: not sent
   * or cut short by the deadline or the run's stop, or still answered 429 after the retries. The
   * rule cannot be judged on it, and it was not broken either. Every check that reads an exchange
   * without validating it (the generic HTTP checks) calls it, or a stopped run would pass them
   * untried.
   */
  expectJudgeable(exchange: Exchange): void {
    const stopped = this.http.stopped;
    if (exchange.error !== undefined && (exchange.error.startsWith(DEADLINE_REACHED) || (stopped !== undefined && exchange.error.startsWith(stopped)))) {
      throw new RuleIncomplete(exchange.error);
    }
    if (exchange.response?.status === 429 && exchange.error === undefined) {
      throw new RuleIncomplete(`rate limited: ${exchange.request.method} ${new URL(exchange.request.url).pathname} still answered 429 after the retries`);
    }
  }

  /**
   * Validates an exchange's response against the operation's documented statuses, content
   * type and body; a violation fails the rule in hand, naming the JSON pointer. `scope` narrows
   * the body to what this run answers for: a list on a shared tenant holds other writers'
   * records, whose data is theirs to get wrong; it keeps the envelope and the run's own records,
   * and only those are validated and enter the fingerprint.
   */
  validateResponse(operationId: string, exchange: Exchange, options: { scope?: (json: unknown) => unknown } = {}): void {
    this.expectJudgeable(exchange);
    if (!exchange.response) {
      throw new RuleFailure(`${exchange.request.method} ${new URL(exchange.request.url).pathname} got no response: ${exchange.error ?? 'unknown error'}`, {
        received: exchange.error,
        expected: 'an HTTP response',
      });
    }
    if (exchange.error !== undefined) {
      // What arrived before the exchange failed (a cut-off, oversized or late body): its own
      // error is the reason, not whatever the partial body happens to violate.
      throw new RuleFailure(`${exchange.request.method} ${new URL(exchange.request.url).pathname} got an incomplete response: ${exchange.error}`, {
        received: { status: exchange.response.status, error: exchange.error },
        expected: 'a complete HTTP response',
      });
    }
    const { status, headers, body, json } = exchange.response;
    const contentType = headers['content-type'];
    const isJson = /json/i.test(contentType ?? '');
    if (isJson && json === undefined && body !== '') {
      const message = `${operationId} answered ${status} with a body that is not valid JSON`;
      if (status >= 400 && status < 500) return this.noteDrift(operationId, status, { pointer: '', message, keyword: 'json' }, body.slice(0, 200));
      throw new RuleFailure(message, { received: body.slice(0, 200), expected: 'a JSON body' });
    }
    const judged = json !== undefined && options.scope ? options.scope(json) : json;
    if (judged !== undefined) {
      const key = `${operationId} ${status}`;
      const fields = this.shapes.get(key) ?? new Map<string, Set<string>>();
      addShape(fields, judged);
      this.shapes.set(key, fields);
    }
    const result = this.spec.validators.validateResponse(operationId, status, contentType, judged);
    if (result.valid) {
      for (const departure of result.departures ?? []) {
        this.noteDrift(operationId, status, departure, departure.keyword === 'contentType' ? contentType : departure.keyword === 'status' ? status : pick(judged, departure.pointer));
      }
      return;
    }
    const first = result.violations[0]!;
    throw new RuleFailure(`${operationId} ${status} response does not match the spec: ${result.violations.map((v) => v.message).join('; ')}`, {
      received: first.pointer === '' ? (first.keyword === 'status' ? status : first.keyword === 'contentType' ? contentType : judged) : pick(judged, first.pointer),
      expected: first.message,
      pointer: first.pointer,
    });
  }

  /**
   * A response detail beyond the docs' promise: recorded as drift; in strict mode (`--strict`),
   * where the spec's every constraint counts, it fails the rule like a violation.
   */
  private noteDrift(operationId: string, status: number, departure: { pointer: string; message: string; keyword: string }, received: unknown): void {
    if (this.config.strict) {
      throw new RuleFailure(`${operationId} ${status} response departs from the spec (strict mode): ${departure.message}`, {
        received,
        expected: departure.message,
        pointer: departure.pointer,
      });
    }
    const key = `${operationId} ${status} ${departure.keyword} ${departure.pointer}`;
    if (!this.drift.has(key) && this.drift.size < 20) {
      this.drift.set(key, { operation: operationId, status, pointer: departure.pointer, message: departure.message, ...(received === undefined ? {} : { received }) });
    }
  }
}

/**
 * The id variable of the configured key pair `credentials` is (TRUSTIST_KEY_ID, TRUSTLY_ACCESS_ID,
 * ...), or undefined when the pair is not one the run was given.
 */
export function configuredCredential(env: Record<string, string | undefined>, credentials: KeyCredentials): string | undefined {
  for (const [name, value] of Object.entries(env)) {
    if (!name.endsWith('_ID') || value !== credentials.id) continue;
    const secret = env[`${name.slice(0, -'_ID'.length)}_SECRET`] ?? env[`${name.slice(0, -'_ID'.length)}_KEY`];
    if (secret === credentials.secret) return name;
  }
  return undefined;
}

/** The value at a JSON pointer, or undefined. */
export function pick(value: unknown, pointer: string): unknown {
  let node = value;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
