import { spread, type Spread } from './stats.ts';

/** One row of the report: a figure beside its baseline, and whether it meets its goal. */
export interface Figure {
  id: string;
  title: string;
  unit: string;
  value: Spread;
  baseline?: { title: string; value: Spread };
  /** value / baseline, as the median of the per-run ratios (each run measured next to its baseline). */
  ratio?: Spread;
  /** e.g. ">= 0.5 (ratio)"; undefined when the issue sets none for this figure. */
  goal?: string;
  met?: boolean;
  notes: string[];
}

/** Ratios of paired runs: run i of the figure over run i of its baseline. */
export function pairedRatio(values: number[], baseline: number[]): Spread {
  return spread(values.map((v, i) => v / baseline[i]!));
}
