import { inspect } from 'node:util';
import type { RuleOutcome } from '../results/rule-outcome.ts';

const show = (value: unknown) => inspect(value, { depth: 6, breakLength: 100, maxStringLength: 400 });

/** The failure message a person reads: what broke, Received/Expected, the counterexample and how to replay it. */
export function formatFailure(outcome: RuleOutcome): string {
  const f = outcome.failure;
  if (!f) return `${outcome.id}: ${outcome.status}`;
  const lines = [`${outcome.id} (${outcome.level}): ${f.message}`];
  if (f.pointer !== undefined && f.pointer !== '') lines.push(`At:       ${f.pointer}`);
  if ('received' in f) lines.push(`Received: ${show(f.received)}`);
  if ('expected' in f) lines.push(`Expected: ${show(f.expected)}`);
  if (outcome.counterexample !== undefined) lines.push(`Counterexample (shrunk): ${show(outcome.counterexample)}`);
  lines.push(`Seed: ${outcome.seed}${outcome.path ? `, path: ${outcome.path}` : ''}`);
  if (outcome.replay) lines.push(`Replay: ${outcome.replay}`);
  lines.push(`Source: ${outcome.source.documents.join(' + ')}: ${outcome.source.statement}`);
  return lines.join('\n');
}
