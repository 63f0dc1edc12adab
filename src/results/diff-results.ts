import { isDeepStrictEqual } from 'node:util';
import type { RuleStatus } from './rule-outcome.ts';
import type { BehaviourFingerprint } from './fingerprint.ts';
import type { ResultsDocument } from './results.ts';

export type RuleChangeKind = 'regressed' | 'recovered' | 'became-skipped' | 'no-longer-skipped' | 'became-incomplete' | 'no-longer-incomplete' | 'added' | 'removed';

export interface RuleChange {
  id: string;
  kind: RuleChangeKind;
  level: string;
  from?: RuleStatus;
  to?: RuleStatus;
}

export interface ObservationChange {
  id: string;
  from: unknown;
  to: unknown;
}

export type FieldChangeKind = 'appeared' | 'disappeared' | 'type-changed';

export interface FieldChange {
  /** "operationId status", e.g. "getCustomer 200". */
  response: string;
  pointer: string;
  kind: FieldChangeKind;
  from?: string[];
  to?: string[];
  /** Whether the spec documents the field: a change to a documented field fails the gate. */
  documented: boolean;
}

export interface ResultsDiff {
  vendor: string;
  rules: RuleChange[];
  observations: ObservationChange[];
  fields: FieldChange[];
  /** Exit 1: a rule regressed, or a documented field appeared, disappeared or changed type. */
  failing: boolean;
}

const OK: RuleStatus[] = ['passed', 'observed'];

/**
 * Compares two runs of one vendor. `documented(response, pointer)` says whether the spec
 * documents a field of that response; pass the spec-backed check from documented-field.ts.
 */
export function diffResults(
  baseline: ResultsDocument,
  current: ResultsDocument,
  documented: (response: string, pointer: string) => boolean,
): ResultsDiff {
  if (baseline.vendor !== current.vendor) throw new Error(`the baseline is of ${baseline.vendor}, the current run of ${current.vendor}`);
  const rules: RuleChange[] = [];
  const before = new Map(baseline.rules.map((r) => [r.id, r]));
  const after = new Map(current.rules.map((r) => [r.id, r]));
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was) {
      rules.push({ id, kind: 'added', level: now.level, to: now.status });
      continue;
    }
    const kind = statusChange(was.status, now.status);
    if (kind) rules.push({ id, kind, level: now.level, from: was.status, to: now.status });
  }
  for (const [id, was] of before) if (!after.has(id)) rules.push({ id, kind: 'removed', level: was.level, from: was.status });

  const b = fingerprint(baseline);
  const c = fingerprint(current);
  const observations: ObservationChange[] = [];
  for (const id of new Set([...Object.keys(b.observed), ...Object.keys(c.observed)])) {
    if (!isDeepStrictEqual(b.observed[id], c.observed[id])) observations.push({ id, from: b.observed[id], to: c.observed[id] });
  }

  const fields: FieldChange[] = [];
  // Only responses both runs saw are compared: a response one run never provoked says nothing.
  for (const response of Object.keys(c.responses).filter((key) => key in b.responses).sort()) {
    const was = b.responses[response]!;
    const now = c.responses[response]!;
    for (const pointer of new Set([...Object.keys(was), ...Object.keys(now)])) {
      const from = was[pointer];
      const to = now[pointer];
      const kind: FieldChangeKind | undefined = !from ? 'appeared' : !to ? 'disappeared' : isDeepStrictEqual(from, to) ? undefined : 'type-changed';
      if (kind) fields.push({ response, pointer, kind, ...(from ? { from } : {}), ...(to ? { to } : {}), documented: documented(response, pointer) });
    }
  }
  const failing = rules.some((r) => r.kind === 'regressed') || fields.some((f) => f.documented);
  return { vendor: current.vendor, rules, observations, fields, failing };
}

function statusChange(from: RuleStatus, to: RuleStatus): RuleChangeKind | undefined {
  if (from === to) return undefined;
  if (to === 'failed') return 'regressed';
  if (from === 'failed' && OK.includes(to)) return 'recovered';
  if (to === 'skipped') return 'became-skipped';
  if (from === 'skipped') return 'no-longer-skipped';
  // Not judged in full (time cap, deadline, rate limit): worth a line, never a regression by itself.
  if (to === 'incomplete') return 'became-incomplete';
  if (from === 'incomplete') return 'no-longer-incomplete';
  return undefined;
}

function fingerprint(document: ResultsDocument): BehaviourFingerprint {
  return document.fingerprint ?? { observed: {}, responses: {} };
}
