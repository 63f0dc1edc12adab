import type { RuleOutcome, RuleStatus } from './rule-outcome.ts';
import type { Vendor } from '../openapi/vendors.ts';
import type { BehaviourFingerprint } from './fingerprint.ts';

/** The version of the results.json format; bumped on any change a reader would notice. */
export const RESULTS_VERSION = '1.2';

/**
 * results.json: one document per vendor and run. Exported and versioned because CI gates,
 * `conform diff` and users' own tools read it; results.schema.json beside this file is its
 * JSON Schema, and every written file is validated against it.
 */
export interface ResultsDocument {
  /** 1.0 documents (no fingerprint) and 1.1 (no incomplete status, no runs, ids alone in `created`) are still read, e.g. as baselines. */
  version: '1.0' | '1.1' | typeof RESULTS_VERSION;
  vendor: Vendor;
  /** The target's base URL, or "embedded mock" with its address. */
  target: string;
  embedded: boolean;
  seed: number;
  runs: number;
  runId: string;
  startedAt: string;
  durationMs: number;
  tool: { name: 'conform'; version: string; node: string };
  rules: RuleOutcome[];
  /** `incomplete` since 1.2: a 1.0/1.1 baseline has no such count. */
  summary: Omit<Record<RuleStatus, number>, 'incomplete'> & { incomplete?: number; total: number };
  /**
   * Every record this run created on the target, for clean-up on a live account: since 1.2 the
   * ledger (id, owning credential role, whether it was scrubbed), before that the ids alone.
   */
  created: (CreatedRecord | string)[];
  /** What the target did beyond pass and fail (since 1.1): compared by `conform diff`. */
  fingerprint?: BehaviourFingerprint;
}

export function summarise(rules: RuleOutcome[]): Record<RuleStatus, number> & { total: number } {
  const summary = { passed: 0, failed: 0, skipped: 0, observed: 0, incomplete: 0, total: rules.length };
  for (const rule of rules) summary[rule.status]++;
  return summary;
}

/**
 * Whether the run passes the gate: no MUST rule failed; in strict mode, no rule failed and none
 * is incomplete (a rule not judged in full is not a pass there). A run that judged no rule at
 * all never passes.
 */
export function gatePasses(documents: ResultsDocument[], strict: boolean): boolean {
  if (judgedNothing(documents)) return false;
  return documents.every((d) => d.rules.every((r) => (strict ? r.status !== 'failed' && r.status !== 'incomplete' : r.status !== 'failed' || r.level !== 'MUST')));
}

/** A run in which rules were left incomplete and none was judged at all: that is no pass, strict or not. */
export function judgedNothing(documents: ResultsDocument[]): boolean {
  const rules = documents.flatMap((d) => d.rules);
  return rules.some((r) => r.status === 'incomplete') && !rules.some((r) => r.status === 'passed' || r.status === 'failed' || r.status === 'observed');
}

/** One record in a run's ledger (results.json 1.2). */
export interface CreatedRecord {
  id: string;
  /** The credential role whose key created it and can update it: tenantA, tenantB, merchantA, ... */
  owner: string;
  /** Whether its personal data was scrubbed (end of a live run, or `conform cleanup`). */
  scrubbed: boolean;
}

/** A document's ledger in the 1.2 form; ids of older documents have an unknown owner. */
export function ledgerOf(document: Pick<ResultsDocument, 'created'>): CreatedRecord[] {
  return document.created.map((entry) => (typeof entry === 'string' ? { id: entry, owner: 'unknown', scrubbed: false } : entry));
}
