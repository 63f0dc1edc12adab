import { formatDiff } from '../report/format-diff.ts';
import { summaryLines, writeRunReports } from '../report/write-reports.ts';
import { judgeStrictly } from '../results/judge-strictly.ts';
import { gatePasses, type ResultsDocument } from '../results/results.ts';
import { diffRuns } from './diff-command.ts';

export interface FinishOptions {
  reportDir: string;
  /** An earlier run to compare with: where it was read from (named in the report) and its documents. */
  baseline?: { path: string; documents: ResultsDocument[] };
  strict: boolean;
}

/**
 * The end of a run, one path for `conform run` and `conform report`: the comparison with the
 * baseline, the report files (results.json, index.html, junit.xml, all from the documents), the lines a terminal shows, and whether the gate passes (every
 * MUST rule, every rule under --strict, and no failing change from the baseline). Under --strict
 * the documents are judged strictly first, so `report --strict` of a run made without it fails
 * the rules that met drift, as the strict run would have.
 */
export async function finishRun(given: ResultsDocument[], options: FinishOptions, out: (line: string) => void): Promise<{ passes: boolean }> {
  const documents = options.strict ? given.map(judgeStrictly) : given;
  const diffs = options.baseline ? await diffRuns(options.baseline.documents, documents) : undefined;
  const written = await writeRunReports(options.reportDir, documents, { strict: options.strict, ...(diffs && options.baseline ? { diff: { baseline: options.baseline.path, diffs } } : {}) });
  for (const line of summaryLines(documents)) out(line);
  if (diffs) for (const diff of diffs) out(formatDiff(diff));
  out(`reports: ${written.join(', ')}`);
  return { passes: gatePasses(documents, options.strict) && !diffs?.some((d) => d.failing) };
}
