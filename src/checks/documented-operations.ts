import type { OpenAPIV3_1 } from 'openapi-types';
import type { Schema } from '../generation/index.ts';
import type { LoadedSpec } from '../openapi/load-spec.ts';

// The operations a spec documents, as the generic HTTP checks need them: every path with its
// methods, path and query parameters and request body schema. Read from the dereferenced document,
// so the checks follow the spec and never a list of their own.

export interface DocumentedParameter {
  name: string;
  required: boolean;
  schema: Schema;
}

export interface DocumentedOperation {
  operationId: string;
  /** Upper case, e.g. `POST`. */
  method: string;
  /** The templated path as the spec writes it, e.g. `/api/v1/customers/{customerId}`. */
  path: string;
  pathParameters: DocumentedParameter[];
  queryParameters: DocumentedParameter[];
  /** The JSON request body's schema, when the operation takes one. */
  requestSchema?: Schema;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Methods a client might plausibly send to any path. HEAD and OPTIONS are left out: HTTP gives
 * every GET resource a HEAD, and OPTIONS is a CORS preflight that servers and proxies answer on
 * their own, so neither says anything about the vendor's API. TRACE is a proxy diagnostic.
 */
export const PROBED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export function documentedOperations(spec: LoadedSpec): DocumentedOperation[] {
  const out: DocumentedOperation[] = [];
  for (const [path, item] of Object.entries(spec.document.paths ?? {})) {
    if (!item) continue;
    for (const method of METHODS) {
      const operation = item[method] as OpenAPIV3_1.OperationObject | undefined;
      if (!operation) continue;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])] as OpenAPIV3_1.ParameterObject[];
      const of = (where: string) =>
        parameters.filter((p) => p.in === where).map((p) => ({ name: p.name, required: p.required === true, schema: (p.schema ?? {}) as Schema }));
      const body = operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
      const requestSchema = body?.content?.['application/json']?.schema as Schema | undefined;
      out.push({
        operationId: operation.operationId ?? `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParameters: of('path'),
        queryParameters: of('query'),
        ...(requestSchema ? { requestSchema } : {}),
      });
    }
  }
  return out;
}

/** Each documented path with the probed methods the spec does not give for it. */
export function undocumentedMethods(spec: LoadedSpec): { path: string; methods: string[] }[] {
  const byPath = new Map<string, Set<string>>();
  for (const op of documentedOperations(spec)) byPath.set(op.path, (byPath.get(op.path) ?? new Set()).add(op.method));
  return [...byPath].map(([path, documented]) => ({ path, methods: PROBED_METHODS.filter((m) => !documented.has(m)) }));
}

/** A templated path with its parameters filled in (percent-encoded), e.g. `/customers/{id}` -> `/customers/42`. */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for the path parameter {${name}} of ${template}`);
    return encodeURIComponent(value);
  });
}
