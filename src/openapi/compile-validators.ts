import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, Options, ValidateFunction } from 'ajv/dist/2020.js';
import type addFormats from 'ajv-formats';
import type { OpenAPIV3_1 } from 'openapi-types';
import { SpecError, type LoadedSpec } from './load-spec.ts';
import { cachedCompile } from './validator-cache.ts';

/** One way a value departs from its schema, located by JSON pointer. */
export interface SchemaViolation {
  /** JSON pointer into the validated value ('' is the value itself). */
  pointer: string;
  /** What is wrong, naming the field, e.g. `/address/country must be equal to one of the allowed values`. */
  message: string;
  keyword: string;
}

/**
 * A valid result may still carry `departures`: what the response does beyond the docs' promise
 * (a constraint the spec inferred from an example, an error's content type or body, an
 * undocumented 4xx status). They are drift, not failure: recorded, and failed only in strict mode.
 */
export type ValidationResult = { valid: true; violations: []; departures?: SchemaViolation[] } | { valid: false; violations: SchemaViolation[] };

export interface ResponseSpec {
  /** The documented status key: "200", "4XX" or "default". */
  status: string;
  contentTypes: string[];
  /** The schema as written: every constraint, inferred ones included, and null only where it says so. */
  validate?: (body: unknown) => ValidationResult;
  /** What the docs promise: inferred constraints dropped, null accepted for every optional property. */
  validatePromised?: (body: unknown) => ValidationResult;
}

export interface OperationSpec {
  operationId: string;
  method: string;
  path: string;
  ruleIds: string[];
  permissions: string[];
  validateRequest?: (body: unknown) => ValidationResult;
  responses: ResponseSpec[];
}

export interface SpecValidators {
  operations: Map<string, OperationSpec>;
  operation(operationId: string): OperationSpec;
  validateRequest(operationId: string, body: unknown): ValidationResult;
  /**
   * Checks status, content type and body against what the operation documents. What departs only
   * from what the spec adds to the docs comes back as `departures` of a valid result, unless
   * `strict` (the mocks' own tests, Pact contracts): then every departure is a violation.
   */
  validateResponse(operationId: string, status: number, contentType: string | undefined, body: unknown, options?: { strict?: boolean }): ValidationResult;
}

// ajv's compiler is loaded when a schema is first compiled, not at import: a process whose
// validators all come from the disk cache needs only the runtime helpers their code requires.
const require = createRequire(import.meta.url);
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const OK: ValidationResult = { valid: true, violations: [] };
// OpenAPI keywords that are not JSON Schema: annotations for readers, no effect on validation.
const OPENAPI_ANNOTATIONS = ['example', 'discriminator', 'xml', 'externalDocs'];
// `code.source` keeps each validator's code, for the disk cache (validator-cache.ts).
// `loopEnum`: ajv checks an enum of 200 values or more by calling its deep-equal function on
// each value in turn; below that it compiles one `===` per value. The country enums (about 250
// codes) made that loop most of the cost of validating an address, in the mocks' every write and
// the suite's every response check (bench/ mock-throughput). The verdict and errors are the same.
const AJV_OPTIONS: Options = { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, loopEnum: 2 ** 31, code: { source: true } };

/**
 * ajv 2020 validators for every request body and documented response of a spec, each compiled on
 * first use (a schema that does not compile is a SpecError then).
 */
export function compileValidators(spec: LoadedSpec): SpecValidators {
  const keywords = [...OPENAPI_ANNOTATIONS, ...extensionKeywords(spec.document)];
  // Made on the first schema the disk cache does not hold: a process whose validators all come
  // from the cache never builds one (nor compiles ajv's meta-schema).
  let ajv: Ajv2020 | undefined;
  const compiler = (): Ajv2020 => {
    if (!ajv) {
      ajv = new (require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')).Ajv2020(AJV_OPTIONS);
      (require('ajv-formats') as typeof addFormats).default(ajv);
      for (const keyword of keywords) ajv.addKeyword(keyword);
    }
    return ajv;
  };

  // Each schema is compiled on its first use: a run, a mock or `conform rules` uses few of them,
  // and compiling all of them up front was the largest share of every process's start-up. A
  // schema compiled by an earlier process is loaded from the disk cache instead.
  const compile = (schema: () => unknown, where: string) => {
    let fn: ValidateFunction | undefined;
    return (value: unknown) => {
      if (!fn) {
        try {
          fn = cachedCompile(AJV_OPTIONS, keywords, schema() as object, compiler);
        } catch (error) {
          throw new SpecError(`${spec.path}: the schema of ${where} does not compile: ${(error as Error).message}`);
        }
      }
      return result(fn, value);
    };
  };

  const operations = new Map<string, OperationSpec>();
  for (const [path, pathItem] of Object.entries(spec.document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = (pathItem as Record<string, unknown> | undefined)?.[method] as OpenAPIV3_1.OperationObject | undefined;
      if (!op) continue;
      const operationId = op.operationId ?? `${method.toUpperCase()} ${path}`;
      const ext = op as Record<string, unknown>;
      const requestSchema = (op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.content?.['application/json']?.schema;
      operations.set(operationId, {
        operationId,
        method: method.toUpperCase(),
        path,
        ruleIds: stringList(ext['x-rule-ids']),
        permissions: stringList(ext['x-permissions']),
        validateRequest: requestSchema ? compile(() => requestSchema, `${operationId} request body`) : undefined,
        responses: Object.entries(op.responses ?? {}).map(([status, response]) => {
          const content = (response as OpenAPIV3_1.ResponseObject).content ?? {};
          const json = content['application/json']?.schema;
          return {
            status,
            contentTypes: Object.keys(content),
            validate: json ? compile(() => json, `${operationId} response ${status}`) : undefined,
            validatePromised: json ? compile(() => promisedSchema(json), `${operationId} response ${status} (promised part)`) : undefined,
          };
        }),
      });
    }
  }

  const operation = (operationId: string): OperationSpec => {
    const found = operations.get(operationId);
    if (!found) throw new SpecError(`${spec.path}: no operation "${operationId}"; known: ${[...operations.keys()].join(', ')}`);
    return found;
  };

  return {
    operations,
    operation,
    validateRequest(operationId, body) {
      const op = operation(operationId);
      if (!op.validateRequest) return fail('', `${operationId} documents no JSON request body`, 'requestBody');
      return op.validateRequest(body);
    },
    validateResponse(operationId, status, contentType, body, options = {}) {
      const found = judgeResponse(operationId, status, contentType, body);
      return options.strict && found.valid && found.departures?.length ? { valid: false, violations: found.departures } : found;
    },
  };

  function judgeResponse(operationId: string, status: number, contentType: string | undefined, body: unknown): ValidationResult {
    const op = operation(operationId);
    const response = matchStatus(op.responses, status);
    // A refusal's status is judged by the rule that asks for one; its content type and body
    // are promised by no rule but the error-shape rules, which judge them themselves.
    const refusal = status >= 400 && status < 500;
    if (!response) {
      const found = fail('', `status ${status} is not documented for ${operationId} (documented: ${op.responses.map((r) => r.status).join(', ')})`, 'status');
      return refusal ? departed(found.violations) : found;
    }
    if (response.contentTypes.length === 0) return OK;
    const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (!response.contentTypes.includes(mediaType)) {
      const found = fail('', `content type ${JSON.stringify(contentType ?? '')} is not documented for ${operationId} ${response.status} (documented: ${response.contentTypes.join(', ')})`, 'contentType');
      return refusal ? departed(found.violations) : found;
    }
    if (!response.validate) return OK;
    const full = response.validate(body);
    if (full.valid) return full;
    if (refusal) return departed(full.violations);
    const promised = response.validatePromised!(body);
    return promised.valid ? departed(full.violations) : promised;
  }
}

/** An exact status wins over its range ("4XX"), which wins over "default". */
function matchStatus(responses: ResponseSpec[], status: number): ResponseSpec | undefined {
  const exact = String(status);
  const range = `${exact[0]}XX`;
  return (
    responses.find((r) => r.status === exact) ??
    responses.find((r) => r.status.toUpperCase() === range) ??
    responses.find((r) => r.status === 'default')
  );
}

function lazily(make: () => (body: unknown) => ValidationResult): (body: unknown) => ValidationResult {
  let validate: ((body: unknown) => ValidationResult) | undefined;
  return (body) => (validate ??= make())(body);
}

function result(fn: ValidateFunction, value: unknown): ValidationResult {
  if (fn(value)) return OK;
  return { valid: false, violations: (fn.errors ?? []).map(toViolation) };
}

function departed(departures: SchemaViolation[]): ValidationResult {
  return { valid: true, violations: [], departures };
}

// What a schema constrains beyond its type: dropped where the spec marks it `x-inferred`.
const CONSTRAINTS = ['format', 'pattern', 'enum', 'const', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'minProperties', 'maxProperties'];
const SUBSCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
const SUBSCHEMAS = ['items', 'not', 'additionalProperties', 'contains', 'if', 'then', 'else'];

/**
 * The part of a response schema the docs promise: a node marked `x-inferred: true` (a constraint
 * transcribed from an example, not stated) keeps its type only, and every optional property also
 * accepts `null`, since null and absent mean the same for a property the docs do not require.
 * Returns a copy: the request schemas share these nodes.
 */
export function promisedSchema(schema: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const cached = seen.get(schema);
  if (cached) return cached;
  const node: Record<string, unknown> = { ...(schema as Record<string, unknown>) };
  seen.set(schema, node);
  if (node['x-inferred'] === true) for (const keyword of CONSTRAINTS) delete node[keyword];
  for (const key of SUBSCHEMA_LISTS) if (Array.isArray(node[key])) node[key] = (node[key] as unknown[]).map((s) => promisedSchema(s, seen));
  for (const key of SUBSCHEMAS) if (key in node) node[key] = promisedSchema(node[key], seen);
  if (typeof node.properties === 'object' && node.properties !== null) {
    const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
    node.properties = Object.fromEntries(
      Object.entries(node.properties as Record<string, unknown>).map(([name, sub]) => {
        const promised = promisedSchema(sub, seen);
        return [name, required.has(name) ? promised : { anyOf: [promised, { type: 'null' }] }];
      }),
    );
  }
  return node;
}

function fail(pointer: string, message: string, keyword: string): ValidationResult {
  return { valid: false, violations: [{ pointer, message, keyword }] };
}

function toViolation(error: ErrorObject): SchemaViolation {
  const params = error.params as Record<string, unknown>;
  // ajv reports a missing or extra property at its parent; point at the property itself.
  const child = error.keyword === 'required' ? params.missingProperty : error.keyword === 'additionalProperties' ? params.additionalProperty : undefined;
  const pointer = child === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(String(child))}`;
  const text =
    error.keyword === 'required' ? 'is required' : error.keyword === 'additionalProperties' ? 'is not allowed' : (error.message ?? 'is invalid');
  return { pointer, message: `${pointer || '(body)'} ${text}`, keyword: error.keyword };
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Every `x-` key used anywhere in the document: ajv's strict mode must know them as annotations. */
function extensionKeywords(document: unknown): string[] {
  const found = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(visit);
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) found.add(key);
      visit(value);
    }
  };
  visit(document);
  return [...found];
}
