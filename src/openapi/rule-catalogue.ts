import type { LoadedSpec } from './load-spec.ts';
import { isObject, SpecError } from './load-spec.ts';

export const RULE_LEVELS = ['MUST', 'SHOULD', 'observed'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** One documented behaviour, as the spec's `x-rules` states it. Ids are stable: never renamed or reused. */
export interface Rule {
  id: string;
  vendor: string;
  level: RuleLevel;
  title: string;
  source: { documents: string[]; statement: string };
  /** operationIds whose `x-rule-ids` name this rule. */
  operations: string[];
  /** The generic kind of check that judges it (src/kinds), when one applies, and that kind's parameters. */
  kind?: string;
  params?: Record<string, unknown>;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const RULE_ID = /^[a-z]+(\.[a-z0-9-]+)+$/;

/**
 * Reads the rule catalogue of a spec. A malformed entry is a SpecError naming the entry,
 * because a catalogue that silently drops a rule would let the suite skip it unnoticed.
 */
export function readRuleCatalogue(spec: LoadedSpec): Rule[] {
  const entries = (spec.raw as unknown as Record<string, unknown>)['x-rules'];
  if (!Array.isArray(entries)) throw new SpecError(`${spec.path}: no x-rules list`);
  const byOperation = operationsByRule(spec);
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const where = `${spec.path}: x-rules[${index}]`;
    if (!isObject(entry)) throw new SpecError(`${where} is not an object`);
    const { id, level, title, source, kind, params } = entry;
    if (typeof id !== 'string' || !RULE_ID.test(id)) throw new SpecError(`${where}: id ${JSON.stringify(id)} is not a rule id like "vendor.area.name"`);
    if (!id.startsWith(`${spec.vendor}.`)) throw new SpecError(`${where}: id ${id} does not start with "${spec.vendor}."`);
    if (seen.has(id)) throw new SpecError(`${where}: id ${id} appears twice`);
    seen.add(id);
    if (typeof level !== 'string' || !(RULE_LEVELS as readonly string[]).includes(level)) {
      throw new SpecError(`${where} (${id}): level ${JSON.stringify(level)} is not one of ${RULE_LEVELS.join(', ')}`);
    }
    if (typeof title !== 'string' || title.trim() === '') throw new SpecError(`${where} (${id}): no title`);
    if (kind !== undefined && (typeof kind !== 'string' || !/^[a-z][a-z-]*$/.test(kind))) throw new SpecError(`${where} (${id}): kind ${JSON.stringify(kind)} is not a kind name like "unknown-id"`);
    if (params !== undefined && !isObject(params)) throw new SpecError(`${where} (${id}): params is not an object`);
    if (params !== undefined && kind === undefined) throw new SpecError(`${where} (${id}): params without a kind`);
    return {
      id,
      vendor: spec.vendor,
      level: level as RuleLevel,
      title,
      source: readSource(source, `${where} (${id})`),
      operations: byOperation.get(id) ?? [],
      ...(kind === undefined ? {} : { kind }),
      ...(params === undefined ? {} : { params }),
    };
  });
}

function readSource(source: unknown, where: string): Rule['source'] {
  if (!isObject(source)) throw new SpecError(`${where}: no source`);
  const documents = source.documents ?? (source.document === undefined ? undefined : [source.document]);
  if (!Array.isArray(documents) || documents.length === 0 || !documents.every((d) => typeof d === 'string' && d !== '')) {
    throw new SpecError(`${where}: source names no document`);
  }
  if (typeof source.statement !== 'string' || source.statement.trim() === '') throw new SpecError(`${where}: source has no statement`);
  return { documents: documents as string[], statement: source.statement };
}

/** Each rule id mapped to the operationIds that list it in `x-rule-ids`. */
export function operationsByRule(spec: LoadedSpec): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const pathItem of Object.values(spec.raw.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = (pathItem as Record<string, unknown> | undefined)?.[method];
      if (!isObject(operation)) continue;
      const ids = operation['x-rule-ids'];
      if (!Array.isArray(ids)) continue;
      for (const id of ids) {
        if (typeof id !== 'string') continue;
        const list = result.get(id) ?? [];
        list.push(String(operation.operationId));
        result.set(id, list);
      }
    }
  }
  return result;
}
