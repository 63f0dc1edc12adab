import type { RuleOutcome } from './rule-outcome.ts';
import type { FieldShapes } from './response-shapes.ts';
import { toRecord } from './response-shapes.ts';

export type { FieldShapes } from './response-shapes.ts';

/**
 * What a target did, beyond pass and fail: the values of the observed rules, and for each
 * operation and status ("createCustomer 201") the response fields actually seen with their
 * JSON types, undocumented fields included. Two runs' fingerprints differ exactly where the
 * target's behaviour changed.
 */
export interface BehaviourFingerprint {
  observed: Record<string, unknown>;
  responses: Record<string, FieldShapes>;
}

export function fingerprintOf(rules: RuleOutcome[]): BehaviourFingerprint {
  const observed: Record<string, unknown> = {};
  const merged = new Map<string, Map<string, Set<string>>>();
  for (const rule of rules) {
    if (rule.observation !== undefined) observed[rule.id] = rule.observation;
    for (const [key, fields] of Object.entries(rule.shapes ?? {})) {
      const target = merged.get(key) ?? new Map<string, Set<string>>();
      for (const [pointer, types] of Object.entries(fields)) {
        const set = target.get(pointer) ?? new Set<string>();
        for (const t of types) set.add(t);
        target.set(pointer, set);
      }
      merged.set(key, target);
    }
  }
  return { observed, responses: toRecord(merged) };
}
