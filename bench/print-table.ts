import type { Figure } from './figure.ts';

const COLUMNS = ['figure', 'median', 'min-max', 'baseline (median)', 'ratio (min-max)', 'goal', 'met'] as const;

/** One row of cells per figure, numbers rounded for people (bench.json keeps them whole). */
export function tableRows(figures: Figure[]): string[][] {
  return figures.map((f) => [
    f.title,
    `${number(f.value.median)} ${f.unit}`,
    `${number(f.value.min)}-${number(f.value.max)}`,
    f.baseline ? `${f.baseline.title}: ${number(f.baseline.value.median)} ${f.unit}` : '-',
    f.ratio ? `${ratio(f.ratio.median)} (${ratio(f.ratio.min)}-${ratio(f.ratio.max)})` : '-',
    f.goal ?? 'none set',
    f.met === undefined ? '-' : f.met ? 'yes' : 'NO',
  ]);
}

/** The table for a terminal: aligned columns, then each figure's notes. */
export function printTable(figures: Figure[], out: (line: string) => void): void {
  const rows = [[...COLUMNS], ...tableRows(figures)];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  out(line(rows[0]!));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) out(line(row));
  out('');
  for (const f of figures) for (const note of f.notes) out(`${f.id}: ${note}`);
}

/** The same table in Markdown, for the README's performance section. */
export function markdownTable(figures: Figure[]): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  return [
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map(() => '---').join('|')}|`,
    ...tableRows(figures).map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

function number(value: number): string {
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(value >= 1 ? 2 : 3);
}

function ratio(value: number): string {
  return value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

