import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Figure } from './figure.ts';
import type { Machine } from './machine.ts';
import { markdownTable } from './print-table.ts';
import type { Spread } from './stats.ts';

export const BENCH_REPORT_VERSION = 1;

/** reports/bench.json: what was measured, where, and every figure with its runs. */
export interface BenchReport {
  version: typeof BENCH_REPORT_VERSION;
  command: string;
  machine: Machine;
  startedAt: string;
  durationMs: number;
  /** 1-minute load average when the bench ended. */
  loadAverageAtEnd: number;
  figures: FigureRecord[];
  /** Goals missed, by figure id. */
  missed: string[];
}

type Measured = Pick<Spread, 'median' | 'min' | 'max' | 'runs' | 'values'>;

export interface FigureRecord extends Measured {
  id: string;
  title: string;
  unit: string;
  baseline: ({ title: string } & Measured) | null;
  ratio: Measured | null;
  goal: string | null;
  met: boolean | null;
  notes: string[];
}

export function figureRecord(f: Figure): FigureRecord {
  return {
    id: f.id,
    title: f.title,
    unit: f.unit,
    ...measured(f.value),
    baseline: f.baseline ? { title: f.baseline.title, ...measured(f.baseline.value) } : null,
    ratio: f.ratio ? measured(f.ratio) : null,
    goal: f.goal ?? null,
    met: f.met ?? null,
    notes: f.notes,
  };
}

export async function writeBenchReport(jsonPath: string, markdownPath: string, report: BenchReport, figures: Figure[]): Promise<void> {
  await mkdir(dirname(jsonPath), { recursive: true });
  await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  const m = report.machine;
  const markdown = [
    `Measured ${report.startedAt.slice(0, 10)} with \`${report.command}\` on ${m.cpuCount} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}`,
    `(load average ${m.loadAverage} at the start, ${report.loadAverageAtEnd} at the end; ${(report.durationMs / 60_000).toFixed(1)} min).`,
    '',
    markdownTable(figures),
    '',
    ...figures.flatMap((f) => f.notes.map((n) => `- \`${f.id}\`: ${n}`)),
    '',
  ].join('\n');
  await writeFile(markdownPath, markdown);
}

function measured(s: Spread): Measured {
  return { median: s.median, min: s.min, max: s.max, runs: s.runs, values: s.values };
}
