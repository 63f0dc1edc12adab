import type { OpenAPIV3_1 } from 'openapi-types';
import type { Schema } from '../generation/index.ts';
import type { VendorSpec } from '../spec/vendor-spec.ts';

/** One documented operation as the generic HTTP checks need it: where, how, and what it takes. */
export interface DocumentedOperation {
  operationId: string;
  method: string;
  /** The path template, e.g. `/v1/customers/{id}`. */
  path: string;
  /** The JSON request body's schema (dereferenced), when the operation takes one. */
  bodySchema?: Schema;
  /** Names of the documented query parameters. */
  query: string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Every operation of the spec, read from its paths (never from a list kept by hand). */
export function documentedOperations(spec: VendorSpec): DocumentedOperation[] {
  const out: DocumentedOperation[] = [];
  for (const [path, item] of Object.entries(spec.spec.document.paths ?? {})) {
    const pathItem = item as OpenAPIV3_1.PathItemObject;
    for (const method of METHODS) {
      const op = pathItem[method];
      if (!op) continue;
      const parameters = [...(pathItem.parameters ?? []), ...(op.parameters ?? [])] as OpenAPIV3_1.ParameterObject[];
      const bodySchema = (op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.content?.['application/json']?.schema as Schema | undefined;
      out.push({
        operationId: op.operationId ?? `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        ...(bodySchema ? { bodySchema } : {}),
        query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
      });
    }
  }
  return out;
}

/** The documented paths, each with its documented methods. */
export function documentedPaths(spec: VendorSpec): Map<string, Set<string>> {
  const paths = new Map<string, Set<string>>();
  for (const op of documentedOperations(spec)) {
    const methods = paths.get(op.path) ?? new Set<string>();
    methods.add(op.method);
    paths.set(op.path, methods);
  }
  return paths;
}

/** A path template with its `{name}` parameters filled in (each value percent-encoded as one segment). */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for the path parameter {${name}} of ${template}`);
    return encodeURIComponent(value);
  });
}

/** The names of a path template's parameters. */
export function pathParameters(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}
