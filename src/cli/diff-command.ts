import { parseArgs } from 'node:util';
import { diffResults, type ResultsDiff } from '../results/diff-results.ts';
import { documentedField } from '../results/documented-field.ts';
import { formatDiff } from '../report/format-diff.ts';
import type { ResultsDocument } from '../results/results.ts';
import { readResultsDocuments, ResultsReadError } from '../results/read-results.ts';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';
import { UsageError } from './usage-error.ts';

export const DIFF_HELP = `conform diff <baseline> <current> [--json]

Compare two runs: the rules that regressed (to failed), recovered, or became skipped; the
observed behaviours that changed; the response fields that appeared, disappeared or changed
type. Each argument is a results.json file or a report directory holding <vendor>/results.json.
Exit 1 on a regression or a change to a field the spec documents, 0 otherwise, 2 if a file
cannot be read.`;

export async function diffCommand(args: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  if (values.help) {
    out(DIFF_HELP);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('conform diff needs two arguments: <baseline> <current> (results.json files or report directories)');
  const diffs = await diffRuns(await readResults(positionals[0]!), await readResults(positionals[1]!));
  out(values.json ? JSON.stringify(diffs, null, 2) : diffs.map(formatDiff).join('\n'));
  return diffs.some((d) => d.failing) ? 1 : 0;
}

/** Diffs every vendor present in the current run against the baseline's document of that vendor. */
export async function diffRuns(baseline: ResultsDocument[], current: ResultsDocument[]): Promise<ResultsDiff[]> {
  const diffs: ResultsDiff[] = [];
  for (const document of current) {
    const base = baseline.find((b) => b.vendor === document.vendor);
    if (!base) throw new UsageError(`the baseline has no ${document.vendor} results`);
    diffs.push(diffResults(base, document, documentedField((await loadVendorSpec(document.vendor)).spec)));
  }
  return diffs;
}

/** A results.json file, or every <vendor>/results.json of a report directory, validated; a bad path is a usage error. */
export async function readResults(path: string): Promise<ResultsDocument[]> {
  return readResultsDocuments(path).catch((error: unknown) => {
    throw error instanceof ResultsReadError ? new UsageError(error.message) : error;
  });
}
