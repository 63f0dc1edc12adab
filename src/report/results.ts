import type { RuleOutcome, RuleStatus } from '../harness/rule-outcome.ts';
import type { Vendor } from '../spec/vendors.ts';
import type { BehaviourFingerprint } from './fingerprint.ts';

/** The version of the results.json format; bumped on any change a reader would notice. */
export const RESULTS_VERSION = '1.2';

/**
 * results.json: one document per vendor and run. Exported and versioned because CI gates,
 * `conform diff` and users' own tools read it; results.schema.json beside this file is its
 * JSON Schema, and every written file is validated against it.
 */
export interface ResultsDocument {
  /** 1.0 documents (no fingerprint) are still read, e.g. as baselines. */
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
  summary: Record<RuleStatus, number> & { total: number };
  /**
   * Every record this run created on the target, for clean-up on a live account: since 1.2 the
   * ledger (id, owning credential role, whether it was scrubbed), before that the ids alone.
   */
  created: (CreatedRecord | string)[];
  /** What the target did beyond pass and fail (since 1.1): compared by `conform diff`. */
  fingerprint?: BehaviourFingerprint;
}

export function summarise(rules: RuleOutcome[]): ResultsDocument['summary'] {
  const summary = { passed: 0, failed: 0, skipped: 0, observed: 0, total: rules.length };
  for (const rule of rules) summary[rule.status]++;
  return summary;
}

/** Whether the run passes the gate: every MUST rule passed (every rule, in strict mode). */
export function gatePasses(documents: ResultsDocument[], strict: boolean): boolean {
  return documents.every((d) => d.rules.every((r) => r.status !== 'failed' || (!strict && r.level !== 'MUST')));
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
