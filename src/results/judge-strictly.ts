import type { RuleOutcome } from './rule-outcome.ts';
import { summarise, type ResultsDocument } from './results.ts';

interface Drift {
  operation?: unknown;
  status?: unknown;
  pointer?: unknown;
  message?: unknown;
  received?: unknown;
}

/**
 * A run's documents judged as `--strict` judges them. A run without --strict records drift (a
 * response detail beyond the docs' promise) on the rule that met it and passes the rule; under
 * --strict the rule fails on it. `conform report --strict` re-renders a run that may have been
 * made either way, so it fails those rules here, with the failure a strict run gives: the same
 * message and Received/Expected. A strict run records no drift (its rules threw on it), so
 * judging its documents again changes nothing.
 */
export function judgeStrictly(document: ResultsDocument): ResultsDocument {
  const rules = document.rules.map((rule) => strictOutcome(rule, document));
  if (rules.every((rule, i) => rule === document.rules[i])) return document;
  return { ...document, rules, summary: summarise(rules) };
}

function strictOutcome(rule: RuleOutcome, document: ResultsDocument): RuleOutcome {
  if (rule.status !== 'passed' && rule.status !== 'observed') return rule;
  const drift = driftOf(rule.observation);
  if (!drift) return rule;
  const message = String(drift.message ?? 'a response detail beyond the docs');
  const response = [drift.operation, drift.status].filter((part) => part !== undefined).join(' ');
  return {
    ...rule,
    status: 'failed',
    failure: {
      message: `${response || 'a'} response departs from the spec (strict mode): ${message}`,
      ...(drift.received === undefined ? {} : { received: drift.received }),
      expected: message,
      ...(typeof drift.pointer === 'string' ? { pointer: drift.pointer } : {}),
    },
    replay: strictReplay(rule.id, document),
  };
}

/**
 * The command that replays the rule strictly, as run-check writes it for a strict run. The
 * document does not record the signing scheme; a replay of another rule of the run names it
 * when the run used one other than the default.
 */
function strictReplay(id: string, document: ResultsDocument): string {
  const parts = ['npx conform run', `--vendor ${document.vendor}`, `--rule ${id}`, `--seed ${document.seed}`, `--runs ${document.runs}`];
  if (!document.embedded) parts.push(`--target ${document.target}`);
  const auth = document.rules.map((r) => r.replay?.match(/ --auth (\S+)/)?.[1]).find((a) => a !== undefined);
  if (auth) parts.push(`--auth ${auth}`);
  parts.push('--strict');
  return parts.join(' ');
}

/** The first drift entry a rule's observation records (run-check.ts puts it under `drift`). */
function driftOf(observation: unknown): Drift | undefined {
  if (typeof observation !== 'object' || observation === null || Array.isArray(observation)) return undefined;
  const drift = (observation as { drift?: unknown }).drift;
  if (!Array.isArray(drift) || drift.length === 0) return undefined;
  const first: unknown = drift[0];
  return typeof first === 'object' && first !== null ? (first as Drift) : {};
}
