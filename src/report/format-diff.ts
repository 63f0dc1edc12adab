import { inspect } from 'node:util';
import type { ResultsDiff } from '../results/diff-results.ts';

const show = (value: unknown) => (value === undefined ? '(none)' : inspect(value, { depth: 4, breakLength: Infinity }));

/** The diff as a plain-text table for a terminal or a CI log. */
export function formatDiff(diff: ResultsDiff): string {
  const lines = [`${diff.vendor}: ${diff.failing ? 'CHANGED (gate fails)' : diff.rules.length + diff.observations.length + diff.fields.length === 0 ? 'no change' : 'changed (gate passes)'}`];
  if (diff.rules.length > 0) {
    lines.push('  rules');
    const width = Math.max(...diff.rules.map((r) => r.id.length));
    for (const r of diff.rules) lines.push(`    ${r.kind.padEnd(20)} ${r.id.padEnd(width)}  ${r.level.padEnd(8)} ${r.from ?? '-'} -> ${r.to ?? '-'}`);
  }
  if (diff.observations.length > 0) {
    lines.push('  observed behaviours');
    for (const o of diff.observations) lines.push(`    ${o.id}: ${show(o.from)} -> ${show(o.to)}`);
  }
  if (diff.fields.length > 0) {
    lines.push('  response fields');
    for (const f of diff.fields) {
      const types = f.kind === 'type-changed' ? `${f.from!.join('|')} -> ${f.to!.join('|')}` : (f.to ?? f.from)!.join('|');
      lines.push(`    ${f.kind.padEnd(12)} ${f.response} ${f.pointer || '(body)'}  ${types}  ${f.documented ? 'documented' : 'undocumented'}`);
    }
  }
  return lines.join('\n');
}
