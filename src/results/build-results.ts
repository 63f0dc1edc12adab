import type { RuleOutcome } from './rule-outcome.ts';
import { fingerprintOf } from './fingerprint.ts';
import { RESULTS_VERSION, summarise, type CreatedRecord, type ResultsDocument } from './results.ts';

export type RunDescription = Pick<ResultsDocument, 'vendor' | 'target' | 'embedded' | 'seed' | 'runs' | 'runId' | 'startedAt' | 'durationMs'> & {
  toolVersion: string;
};

/** One vendor's results document from its rules' outcomes; per-rule shapes fold into the fingerprint. */
export function buildResults(run: RunDescription, outcomes: RuleOutcome[]): ResultsDocument {
  const ordered = [...outcomes].sort((a, b) => a.id.localeCompare(b.id));
  const rules = ordered.map(({ shapes: _shapes, owners: _owners, ...rule }) => rule);
  return {
    version: RESULTS_VERSION,
    vendor: run.vendor,
    target: run.target,
    embedded: run.embedded,
    seed: run.seed,
    runs: run.runs,
    runId: run.runId,
    startedAt: run.startedAt,
    durationMs: run.durationMs,
    tool: { name: 'conform', version: run.toolVersion, node: process.version },
    rules,
    summary: summarise(rules),
    created: ledgerFrom(ordered),
    fingerprint: fingerprintOf(ordered),
  };
}

/** Every record the run created, once, with the role that owns it; none scrubbed yet. */
function ledgerFrom(outcomes: RuleOutcome[]): CreatedRecord[] {
  const ledger = new Map<string, CreatedRecord>();
  for (const outcome of outcomes) {
    for (const id of outcome.created) if (!ledger.has(id)) ledger.set(id, { id, owner: outcome.owners?.[id] ?? 'unknown', scrubbed: false });
  }
  return [...ledger.values()];
}
