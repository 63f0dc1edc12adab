import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { OperationSpec, VendorSpec } from '../openapi/index.ts';
import type { Pact, PactInteraction } from './read-pact.ts';

/** One way an interaction departs from the vendor's spec. */
export interface PactFinding {
  /** The interaction's description, as the pact names it. */
  interaction: string;
  /** Which part: path, method, query, request body, response status, response body. */
  part: 'path' | 'method' | 'query' | 'request body' | 'response status' | 'response body';
  /** JSON pointer into the body (or the parameter's name) the finding is about; '' for the whole. */
  pointer: string;
  message: string;
}

// Status classes of Pact's status-code matcher (V4 specification).
const STATUS_CLASSES: Record<string, [number, number]> = {
  information: [100, 199],
  success: [200, 299],
  redirect: [300, 399],
  clientError: [400, 499],
  serverError: [500, 599],
  nonError: [100, 399],
  error: [400, 599],
};

interface PathTemplate {
  template: string;
  pattern: RegExp;
  names: string[];
  operations: OperationSpec[];
}

/**
 * Checks every interaction of a pact against the vendor's OpenAPI spec, offline: the path
 * matches a documented (templated) path, the method is documented there, query and path
 * parameters are documented and valid, the request body is valid for the operation, the
 * response status is documented (every status a status matcher allows, too), and the
 * response body (the pact's example, built from its matchers' example values) is valid.
 * The project's own validators do the body work (src/openapi: ajv 2020 for OpenAPI 3.1).
 */
export function checkPact(pact: Pact, spec: VendorSpec): PactFinding[] {
  const templates = pathTemplates(spec);
  const parameters = new ParameterValidators(spec.spec.document);
  return pact.interactions.flatMap((interaction) => checkInteraction(interaction, spec, templates, parameters));
}

function checkInteraction(interaction: PactInteraction, spec: VendorSpec, templates: PathTemplate[], parameters: ParameterValidators): PactFinding[] {
  const findings: PactFinding[] = [];
  const add = (part: PactFinding['part'], pointer: string, message: string) => findings.push({ interaction: interaction.description, part, pointer, message });
  const { request, response } = interaction;
  const path = request.path.split('?')[0]!;
  const matched = templates.map((t) => ({ t, m: t.pattern.exec(path) })).find((x) => x.m !== null);
  if (!matched) {
    add('path', '', `${request.method} ${path} is not a documented path of the ${spec.spec.vendor} spec (documented: ${templates.map((t) => t.template).join(', ')})`);
    return findings;
  }
  const { t: template, m } = matched;
  const op = template.operations.find((o) => o.method === request.method);
  if (!op) {
    add('method', '', `${request.method} is not documented for ${template.template} (documented: ${template.operations.map((o) => o.method).join(', ')})`);
    return findings;
  }

  template.names.forEach((name, i) => {
    const value = decodeURIComponent(m![i + 1]!);
    const problem = parameters.check(template.template, request.method, 'path', name, value);
    if (problem) add('path', name, `path parameter ${name} ${JSON.stringify(value)} ${problem}: ${request.method} ${path} is not a documented ${template.template} (${op.operationId})`);
  });
  // A path that fits the template only by its shape is another endpoint: its bodies say nothing.
  if (findings.length > 0) return findings;
  for (const [name, values] of Object.entries(request.query)) {
    if (!parameters.documented(template.template, request.method, 'query', name)) {
      add('query', name, `query parameter ${name} is not documented for ${op.operationId} (documented: ${parameters.names(template.template, request.method, 'query').join(', ') || 'none'})`);
      continue;
    }
    for (const value of values) {
      const problem = parameters.check(template.template, request.method, 'query', name, value);
      if (problem) add('query', name, `query parameter ${name} ${JSON.stringify(value)} ${problem} (${op.operationId})`);
    }
  }

  const hasBody = request.body !== undefined && request.body !== '';
  if (hasBody && !/json/i.test(request.contentType ?? '')) {
    add('request body', '', `the request body is sent as ${request.contentType ?? 'no content type'}; ${op.operationId} documents application/json`);
  } else if (hasBody) {
    if (!op.validateRequest) add('request body', '', `${op.operationId} documents no request body`);
    else for (const v of spec.validators.validateRequest(op.operationId, request.body).violations) add('request body', v.pointer, `request body ${v.message} (${op.operationId})`);
  } else if (op.validateRequest && parameters.bodyRequired(template.template, request.method)) {
    add('request body', '', `the request has no body; ${op.operationId} requires a JSON body`);
  }

  const statuses = [response.status, ...(Array.isArray(response.statusRule) ? response.statusRule : [])];
  for (const status of [...new Set(statuses)]) {
    if (!documentedStatus(op, status)) {
      add('response status', '', `status ${status} is not documented for ${op.operationId} (documented: ${op.responses.map((r) => r.status).join(', ')})`);
      continue;
    }
    if (response.body === undefined) continue;
    const result = spec.validators.validateResponse(op.operationId, status, response.contentType ?? 'application/json', response.body, { strict: true });
    for (const v of result.violations) add('response body', v.pointer, `response body ${v.message} (${op.operationId} ${status})`);
  }
  if (typeof response.statusRule === 'string') {
    const range = STATUS_CLASSES[response.statusRule];
    if (!range || !op.responses.some((r) => inRange(r.status, range))) {
      add('response status', '', `the status matcher allows any ${response.statusRule} status, and ${op.operationId} documents none (documented: ${op.responses.map((r) => r.status).join(', ')})`);
    }
  }
  return dedupe(findings);
}

/** An exact status, its range ("4XX") or "default", as compile-validators matches them. */
function documentedStatus(op: OperationSpec, status: number): boolean {
  const exact = String(status);
  return op.responses.some((r) => r.status === exact || r.status.toUpperCase() === `${exact[0]}XX` || r.status === 'default');
}

function inRange(documented: string, [low, high]: [number, number]): boolean {
  if (documented === 'default') return true;
  const n = /^\dXX$/i.test(documented) ? Number(documented[0]) * 100 : Number(documented);
  return n >= low && n <= high;
}

function pathTemplates(spec: VendorSpec): PathTemplate[] {
  const byPath = new Map<string, OperationSpec[]>();
  for (const op of spec.validators.operations.values()) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op]);
  return [...byPath.entries()]
    .map(([template, operations]) => {
      const names: string[] = [];
      const source = template.replace(/\{([^}]+)\}|[^{]+/g, (part, name: string | undefined) => {
        if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(name);
        return '([^/]+)';
      });
      return { template, pattern: new RegExp(`^${source}/?$`), names, operations };
    })
    .sort((a, b) => a.names.length - b.names.length); // a literal path wins over a templated one
}

function dedupe(findings: PactFinding[]): PactFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(`${f.part} ${f.message}`) && seen.add(`${f.part} ${f.message}`));
}

type In = 'path' | 'query';

/** Path and query parameters of the spec, validated with ajv as the bodies are. */
class ParameterValidators {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenAPIV3_1.Document) {
    addFormats.default(this.ajv);
  }

  names(template: string, method: string, where: In): string[] {
    return this.parameters(template, method)
      .filter((p) => p.in === where)
      .map((p) => p.name);
  }

  documented(template: string, method: string, where: In, name: string): boolean {
    return this.names(template, method, where).includes(name);
  }

  bodyRequired(template: string, method: string): boolean {
    const op = this.operation(template, method);
    return (op?.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.required === true;
  }

  /** Why the value breaks the parameter's schema, or undefined when it is valid (or has no schema). */
  check(template: string, method: string, where: In, name: string, value: string): string | undefined {
    const parameter = this.parameters(template, method).find((p) => p.in === where && p.name === name);
    if (!parameter?.schema) return undefined;
    const key = `${template} ${method} ${where} ${name}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(parameter.schema as object);
      this.compiled.set(key, validate);
    }
    const schema = parameter.schema as { type?: unknown };
    const typed = schema.type === 'integer' || schema.type === 'number' ? Number(value) : schema.type === 'boolean' ? value === 'true' : value;
    return validate(typed) ? undefined : (validate.errors ?? []).map((e) => e.message ?? 'is invalid').join(', ');
  }

  private operation(template: string, method: string): OpenAPIV3_1.OperationObject | undefined {
    const item = this.document.paths?.[template] as Record<string, unknown> | undefined;
    return item?.[method.toLowerCase()] as OpenAPIV3_1.OperationObject | undefined;
  }

  /** Path-level parameters, overridden by the operation's own (OpenAPI's rule). */
  private parameters(template: string, method: string): OpenAPIV3_1.ParameterObject[] {
    const item = this.document.paths?.[template] as OpenAPIV3_1.PathItemObject | undefined;
    const own = (this.operation(template, method)?.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
    const shared = ((item?.parameters ?? []) as OpenAPIV3_1.ParameterObject[]).filter((p) => !own.some((o) => o.name === p.name && o.in === p.in));
    return [...shared, ...own];
  }
}
