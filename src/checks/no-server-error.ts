import fc from 'fast-check';
import { codePointString, invalidArbitrary, schemaArbitrary, type Schema } from '../generation/index.ts';
import type { CheckContext } from '../runner/check-context.ts';
import { isServerError, serverErrorsOf, tallyKey } from '../runner/server-error-tally.ts';
import type { Exchange } from '../http/exchange.ts';
import { documentedOperations, fillPath, type DocumentedOperation, type DocumentedParameter } from './documented-operations.ts';

/** One request of the broad sample, as the vendor's `send` receives it. */
export interface SampleRequest {
  operationId: string;
  method: string;
  /** The spec path with its parameters filled in and the query appended, e.g. `/api/v1/customers?externalId=x`. */
  path: string;
  /** Valid credentials, none, or a known id with a wrong secret. */
  auth: 'valid' | 'none' | 'wrong';
  /** A value to send as JSON. */
  json?: unknown;
  /** Raw body text, sent as it is (malformed JSON and the like). */
  rawBody?: string;
  /** Content type to send instead of JSON's. */
  contentType?: string;
}

/** What the generic no-server-error check needs from a vendor's suite. */
export interface NoServerErrorOptions {
  /** Sends one request to the target (mapping the spec path onto its base URL, signing by `auth`) and records the exchange on the rule's context. */
  send(request: SampleRequest): Promise<Exchange>;
  /** Values for path parameters beside the generic awkward ones: records the check made, ids that name nothing. */
  pathValues: Record<string, string[]>;
  /**
   * Makes a drawn body fit to send to a live account: tags it as the run's, and keeps it from
   * naming records the run did not make. Called inside the property, once per request.
   */
  prepareBody(operationId: string, body: unknown): unknown;
}

// Path segments no documented id looks like: a server that trusts its router to hand it a
// well-formed id shows it here. ('..' is left out: URL parsing resolves it before sending.)
const AWKWARD_SEGMENTS = ['0', '-1', 'abc', ' ', 'null', 'undefined', '%', '%00', '1.5', '1e3', '9'.repeat(40), 'a'.repeat(300), '😀', 'é', "1' OR '1'='1", '{}', '[]', '<b>'];
// Query values beside the schema's own: empty, long, non-ASCII, control characters.
const AWKWARD_VALUES = fc.oneof(fc.constantFrom('', ' ', '%', 'a'.repeat(2000), '\u0000', '😀', 'null', '-1'), codePointString({ maxLength: 20 }));
// Bodies no JSON parser or schema takes, or only just takes.
const RAW_BODIES = ['', '{', '{"a":', '[]', 'null', 'true', '"text"', '12', '{"a":1}garbage', '['.repeat(500) + ']'.repeat(500), '{"name": "\\ud800"}', '\u00ff\u00fe'];

function awkwardOrGiven(values: string[]): fc.Arbitrary<string> {
  return values.length === 0 ? fc.constantFrom(...AWKWARD_SEGMENTS) : fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constantFrom(...AWKWARD_SEGMENTS) });
}

function queryValue(parameter: DocumentedParameter): fc.Arbitrary<string> {
  const valid = schemaArbitrary(parameter.schema, { nulls: false }).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return fc.oneof(valid, AWKWARD_VALUES);
}

type Drawn = Omit<SampleRequest, 'path'> & { pathValues: Record<string, string>; query: [string, string][]; template: string };

function requestsOf(operation: DocumentedOperation, options: NoServerErrorOptions): fc.Arbitrary<Drawn> {
  const pathValues = fc.record(Object.fromEntries(operation.pathParameters.map((p) => [p.name, awkwardOrGiven(options.pathValues[p.name] ?? [])])));
  const documented = operation.queryParameters.map((p) => fc.option(queryValue(p), { nil: undefined }).map((v) => (v === undefined ? [] : [[p.name, v] as [string, string]])));
  const undocumented = fc.option(fc.tuple(fc.constantFrom('limit', 'page', 'sort', 'filter[name]', 'expand'), AWKWARD_VALUES), { nil: undefined }).map((p) => (p ? [p] : []));
  const query = fc.tuple(...documented, undocumented).map((parts) => parts.flat());
  const auth = fc.constantFrom<SampleRequest['auth'][]>('valid', 'valid', 'valid', 'valid', 'none', 'wrong');
  const body: fc.Arbitrary<Pick<SampleRequest, 'json' | 'rawBody' | 'contentType'>> = operation.requestSchema ? bodies(operation.requestSchema) : fc.constant({});
  return fc.record({ pathValues, query, auth, body }).map(({ pathValues, query, auth, body: b }) => ({
    operationId: operation.operationId,
    method: operation.method,
    template: operation.path,
    pathValues,
    query,
    auth,
    ...b,
  }));
}

function bodies(schema: Schema): fc.Arbitrary<Pick<SampleRequest, 'json' | 'rawBody' | 'contentType'>> {
  return fc.oneof(
    { weight: 3, arbitrary: schemaArbitrary(schema).map((json) => ({ json })) },
    { weight: 3, arbitrary: invalidArbitrary(schema).map((i) => ({ json: i.value })) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((rawBody) => ({ rawBody })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(schemaArbitrary(schema), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml'))
        .map(([json, contentType]) => ({ rawBody: JSON.stringify(json), contentType })),
    },
  );
}

/**
 * One request of each deterministic kind per operation, tried by every run whatever the seed:
 * an empty, a malformed and a non-object body, another content type, and an awkward path segment.
 * Random draws reach these only now and then; a server that fails on exactly one of them must not
 * pass by luck.
 */
function examplesOf(operations: DocumentedOperation[], options: NoServerErrorOptions): Drawn[] {
  const out: Drawn[] = [];
  for (const op of operations) {
    const own = Object.fromEntries(op.pathParameters.map((p) => [p.name, options.pathValues[p.name]?.[0] ?? AWKWARD_SEGMENTS[0]!]));
    const base = { operationId: op.operationId, method: op.method, template: op.path, pathValues: own, query: [] as [string, string][], auth: 'valid' as const };
    if (op.requestSchema) {
      out.push({ ...base, rawBody: '' }, { ...base, rawBody: '{' }, { ...base, json: [] }, { ...base, rawBody: '{}', contentType: 'text/plain' });
    }
    if (op.pathParameters.length > 0) {
      const awkward = Object.fromEntries(op.pathParameters.map((p) => [p.name, '%']));
      out.push({ ...base, pathValues: awkward, ...(op.requestSchema ? { json: {} } : {}) });
    }
  }
  return out;
}

/**
 * The rule "no request the suite sends gets a 5xx", judged two ways. First a broad sample of its
 * own: every documented operation, with valid and schema-breaking bodies, malformed JSON, other
 * content types, awkward path segments and query values, undocumented query parameters, and no or
 * wrong credentials (a property: a 5xx shrinks to the smallest request that causes it). Then the
 * run's tally of every exchange the other checks recorded in this process before it: those
 * requests count too. A 503 with Retry-After is the documented temporary unavailability, not a fault.
 */
export async function noServerErrorCheck(ctx: CheckContext, options: NoServerErrorOptions): Promise<void> {
  const operations = documentedOperations(ctx.spec.spec);
  // Each operation's arbitrary built once: the chain asks for it on every draw.
  const requests = new Map(operations.map((op) => [op, requestsOf(op, options)]));
  const request = fc.constantFrom(...operations).chain((op) => requests.get(op)!);
  await ctx.property(
    request,
    async (drawn) => {
      const search = new URLSearchParams(drawn.query).toString();
      const path = fillPath(drawn.template, drawn.pathValues) + (search ? `?${search}` : '');
      const { template: _t, pathValues: _p, query: _q, ...rest } = drawn;
      const sample: SampleRequest = { ...rest, path, ...(drawn.json === undefined ? {} : { json: options.prepareBody(drawn.operationId, drawn.json) }) };
      const exchange = await options.send(sample);
      const response = exchange.response;
      ctx.assert(!isServerError(exchange), `${drawn.method} ${path} (${drawn.operationId}, ${drawn.auth} credentials) answered ${response?.status}`, {
        received: { status: response?.status, body: response ? (response.json ?? response.body.slice(0, 500)) : undefined },
        expected: 'a status below 500 (or 503 with Retry-After)',
      });
    },
    { runs: ctx.runs * operations.length, examples: examplesOf(operations, options) },
  );
  const { sightings } = serverErrorsOf(tallyKey(ctx.config));
  const others = sightings.filter((s) => s.rule !== ctx.rule);
  ctx.assert(others.length === 0, `${others.length} request(s) of other checks of this run answered with a 5xx, the first ${others[0]?.method} ${others[0]?.url} (${others[0]?.rule}) with ${others[0]?.status}`, {
    received: others.slice(0, 5),
    expected: 'no status of 500 or more (but 503 with Retry-After)',
  });
}
