import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResultsDiff } from '../results/diff-results.ts';
import { renderHtmlReport } from './html-report.ts';
import { junitXml } from './junit-report.ts';
import type { ResultsDocument } from '../results/results.ts';
import { validateResults } from '../results/validate-results.ts';

/** Writes DIR/<vendor>/results.json for each document; a document that breaks its schema is a bug, not a report. */
export async function writeResults(dir: string, documents: ResultsDocument[]): Promise<string[]> {
  const written: string[] = [];
  for (const document of documents) {
    const problems = await validateResults(document);
    if (problems.length > 0) throw new Error(`results for ${document.vendor} do not match results.schema.json: ${problems.join('; ')}`);
    const path = join(dir, document.vendor, 'results.json');
    await mkdir(join(dir, document.vendor), { recursive: true });
    await writeFile(path, `${JSON.stringify(document, null, 2)}\n`);
    written.push(path);
  }
  return written;
}

/**
 * Writes a run's reports into DIR, every one from the results documents alone: <vendor>/results.json
 * for each document, index.html (with the diff section when the run was compared with a baseline,
 * whose diff also goes to diff.json) and junit.xml (an incomplete rule is a failure in it under
 * --strict). Returns the paths written.
 */
export async function writeRunReports(dir: string, documents: ResultsDocument[], options: { strict: boolean; diff?: { baseline: string; diffs: ResultsDiff[] } }): Promise<string[]> {
  const { diff } = options;
  const written = await writeResults(dir, documents);
  if (diff) {
    const path = join(dir, 'diff.json');
    await writeFile(path, `${JSON.stringify(diff, null, 2)}\n`);
    written.push(path);
  }
  const html = join(dir, 'index.html');
  await writeFile(html, renderHtmlReport(documents, diff ? { diff } : {}));
  written.push(html);
  const junit = join(dir, 'junit.xml');
  await writeFile(junit, junitXml(documents, { strict: options.strict }));
  written.push(junit);
  return written;
}

/** One line per vendor and one per failed rule: what a terminal or CI log shows of a run. */
export function summaryLines(documents: ResultsDocument[]): string[] {
  const lines: string[] = [];
  for (const document of documents) {
    const s = document.summary;
    lines.push(`${document.vendor}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped, ${s.observed} observed${s.incomplete ? `, ${s.incomplete} incomplete` : ''} (seed ${document.seed})`);
    for (const rule of document.rules.filter((r) => r.status === 'failed')) lines.push(`  FAILED ${rule.level} ${rule.id}: ${rule.failure?.message.split('\n')[0]}`);
  }
  return lines;
}
