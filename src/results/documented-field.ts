import type { OpenAPIV3_1 } from 'openapi-types';
import type { LoadedSpec } from '../openapi/load-spec.ts';

type SchemaNode = Record<string, unknown>;

/**
 * Whether the spec documents the field at `pointer` (array items as `*`) in the response
 * "operationId status". A field reached only through `additionalProperties` is undocumented.
 */
export function documentedField(spec: LoadedSpec): (response: string, pointer: string) => boolean {
  const schemas = new Map<string, SchemaNode>();
  for (const item of Object.values(spec.document.paths ?? {})) {
    for (const op of Object.values(item ?? {}) as OpenAPIV3_1.OperationObject[]) {
      if (typeof op !== 'object' || !op?.operationId) continue;
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const schema = (response as OpenAPIV3_1.ResponseObject).content?.['application/json']?.schema;
        if (schema) schemas.set(`${op.operationId} ${status}`, schema as SchemaNode);
      }
    }
  }
  return (response, pointer) => {
    const schema = schemas.get(response);
    if (!schema) return false;
    const segments = pointer.split('/').slice(1).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
    return reaches([schema], segments);
  };
}

function reaches(nodes: SchemaNode[], segments: string[]): boolean {
  if (segments.length === 0) return nodes.length > 0;
  const [head, ...rest] = segments;
  const next: SchemaNode[] = [];
  for (const node of expand(nodes)) {
    if (head === '*' && node.items && typeof node.items === 'object') next.push(node.items as SchemaNode);
    const properties = node.properties as Record<string, SchemaNode> | undefined;
    if (head !== '*' && properties?.[head!]) next.push(properties[head!]!);
  }
  return next.length > 0 && reaches(next, rest);
}

/** The node itself and every branch of its anyOf/oneOf/allOf, recursively. */
function expand(nodes: SchemaNode[]): SchemaNode[] {
  const out: SchemaNode[] = [];
  const visit = (node: SchemaNode) => {
    out.push(node);
    for (const key of ['anyOf', 'oneOf', 'allOf']) for (const branch of (node[key] as SchemaNode[] | undefined) ?? []) visit(branch);
  };
  nodes.forEach(visit);
  return out;
}
