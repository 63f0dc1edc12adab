import type { RuleOutcome } from '../harness/rule-outcome.ts';
import { fingerprintOf } from './fingerprint.ts';
import { RESULTS_VERSION, summarise, type ResultsDocument } from './results.ts';

export type RunDescription = Pick<ResultsDocument, 'vendor' | 'target' | 'embedded' | 'seed' | 'runs' | 'runId' | 'startedAt' | 'durationMs'> & {
  toolVersion: string;
};

/** One vendor's results document from its rules' outcomes; per-rule shapes fold into the fingerprint. */
export function buildResults(run: RunDescription, outcomes: RuleOutcome[]): ResultsDocument {
  const ordered = [...outcomes].sort((a, b) => a.id.localeCompare(b.id));
  const rules = ordered.map(({ shapes: _shapes, ...rule }) => rule);
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
    created: rules.flatMap((r) => r.created),
    fingerprint: fingerprintOf(ordered),
  };
}
