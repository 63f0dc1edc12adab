import type { RuleStatus } from '../results/rule-outcome.ts';
import { escapeHtml as h } from './html-escape.ts';
import { STATUSES } from './html-report-rule.ts';
import type { summarise } from '../results/results.ts';

export interface ChartRow {
  label: string;
  summary: ReturnType<typeof summarise>;
}

const WIDTH = 640;
const LABEL = 120;
const BAR = 460;
const ROW = 26;
const GAP = 14;

/**
 * A 100% stacked bar per vendor, as inline SVG (no image or script to fetch). Colours come
 * from the stylesheet's classes; every segment also carries its count and a <title>, and the
 * figure a text description, so the chart never relies on colour alone.
 */
export function renderStatusChart(rows: ChartRow[]): string {
  const height = rows.length * (ROW + GAP) + GAP;
  const description = rows.map((row) => `${row.label}: ${STATUSES.map((s) => `${row.summary[s]} ${s}`).join(', ')}`).join('; ');
  const bars = rows.map((row, i) => renderBar(row, GAP + i * (ROW + GAP))).join('\n');
  return `<figure class="chart">
<svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="chart-title chart-desc">
<title id="chart-title">Rule outcomes per vendor</title>
<desc id="chart-desc">${h(description)}</desc>
${bars}
</svg>
<figcaption class="legend">${STATUSES.map((s) => `<span class="legend-item"><span class="swatch swatch-${s}" aria-hidden="true"></span>${s}</span>`).join('')}</figcaption>
</figure>`;
}

function renderBar(row: ChartRow, y: number): string {
  const total = row.summary.total;
  const label = `<text class="chart-label" x="0" y="${y + ROW / 2}" dominant-baseline="central">${h(row.label)}</text>`;
  const totalText = `<text class="chart-total" x="${LABEL + BAR + 10}" y="${y + ROW / 2}" dominant-baseline="central">${h(total)} rules</text>`;
  if (total === 0) {
    return `${label}<rect class="seg-empty" x="${LABEL}" y="${y}" width="${BAR}" height="${ROW}" rx="4"><title>no rules</title></rect>${totalText}`;
  }
  let x = LABEL;
  const segments: string[] = [];
  for (const status of STATUSES) {
    const count = row.summary[status];
    if (count <= 0) continue;
    const width = (count / total) * BAR;
    segments.push(renderSegment(status, count, total, x, y, width));
    x += width;
  }
  return `${label}<g class="chart-bar">${segments.join('')}</g>${totalText}`;
}

function renderSegment(status: RuleStatus, count: number, total: number, x: number, y: number, width: number): string {
  const percent = Math.round((count / total) * 100);
  const text = width >= 22 ? `<text class="seg-count" x="${(x + width / 2).toFixed(1)}" y="${y + ROW / 2}" text-anchor="middle" dominant-baseline="central">${count}</text>` : '';
  return `<g><title>${h(`${count} ${status} (${percent}%)`)}</title><rect class="seg-${status}" x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${ROW}"/>${text}</g>`;
}
