import type { VendorSpec } from '../openapi/vendor-spec.ts';
import type { Check } from './check.ts';
import { CheckContext } from './check-context.ts';
import { redactExchange } from './redact.ts';
import type { RunConfig } from './run-config.ts';
import { CredentialRefused, RuleFailure, RuleIncomplete, RuleSkip } from './rule-failure.ts';
import { toData } from './to-data.ts';
import { toRecord } from '../results/response-shapes.ts';
import type { RuleOutcome } from '../results/rule-outcome.ts';

/** A rule's own fast-check seed: stable for (run seed, rule id), so one rule replays alone. */
export function ruleSeed(runSeed: number, rule: string): number {
  let hash = 0x811c9dc5 ^ runSeed;
  for (const char of `${runSeed}:${rule}`) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193);
  return hash >>> 1;
}

export function replayCommand(config: RunConfig, rule: string): string {
  const parts = ['npx conform run', `--vendor ${config.vendor}`, `--rule ${rule}`, `--seed ${config.seed}`, `--runs ${config.runs}`];
  if (!config.embedded) parts.push(`--target ${config.baseUrl}`);
  if (config.auth && config.auth !== 'hawk') parts.push(`--auth ${config.auth}`);
  if (config.strict) parts.push('--strict');
  return parts.join(' ');
}

/** Runs one check and returns its outcome as data; never throws for what the target does. */
export async function runCheck(check: Check, spec: VendorSpec, config: RunConfig): Promise<RuleOutcome> {
  const rule = spec.rules.find((r) => r.id === check.rule);
  if (!rule) throw new Error(`check for ${check.rule}, which is not in the ${config.vendor} rule catalogue`);
  const ctx = new CheckContext(rule.id, config, spec, ruleSeed(config.seed, rule.id));
  const started = performance.now();
  let status: RuleOutcome['status'];
  let reason: string | undefined;
  let failure: RuleFailure | undefined;
  let refusedCredential: string | undefined;
  try {
    await check.run(ctx);
    status = rule.level === 'observed' ? 'observed' : 'passed';
  } catch (error) {
    if (error instanceof RuleSkip) {
      status = 'skipped';
      reason = error.reason;
    } else if (error instanceof RuleIncomplete) {
      status = 'incomplete';
      reason = error.reason;
    } else if (error instanceof CredentialRefused) {
      status = 'incomplete';
      reason = error.message;
      refusedCredential = error.variable;
    } else {
      status = 'failed';
      failure = error instanceof RuleFailure ? error : new RuleFailure(`the check stopped on an error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const secrets = Object.entries(config.env)
    .filter(([name, value]) => value && /(SECRET|KEY)$/.test(name) && !name.endsWith('_ID'))
    .map(([, value]) => value!);
  return {
    id: rule.id,
    vendor: config.vendor,
    level: rule.level,
    title: rule.title,
    source: rule.source,
    status,
    ...(reason === undefined ? {} : { reason }),
    ...(refusedCredential === undefined ? {} : { refusedCredential }),
    ...(ctx.propertyRuns === undefined ? {} : { runs: ctx.propertyRuns }),
    ...observationOf(ctx),
    ...(failure
      ? {
          failure: {
            message: failure.message,
            ...('received' in failure ? { received: toData(failure.received) } : {}),
            ...('expected' in failure ? { expected: toData(failure.expected) } : {}),
            ...(failure.pointer === undefined ? {} : { pointer: failure.pointer }),
          },
          ...(failure.counterexample === undefined ? {} : { counterexample: toData(failure.counterexample) }),
          ...(failure.path === undefined ? {} : { path: failure.path }),
          replay: replayCommand(config, rule.id),
        }
      : {}),
    seed: config.seed,
    exchanges: ctx.exchanges.map((e) => redactExchange(e, secrets)),
    exchangeCount: ctx.exchangeCount,
    created: ctx.created,
    ...(ctx.owners.size > 0 ? { owners: Object.fromEntries(ctx.owners) } : {}),
    ...(ctx.shapes.size > 0 ? { shapes: toRecord(ctx.shapes) } : {}),
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * The rule's observation, with any drift the check met beside it: what the target chose where
 * the docs are open, and where its responses went beyond what the spec says the docs promise.
 */
function observationOf(ctx: CheckContext): { observation?: unknown } {
  if (ctx.drift.size === 0) return ctx.observed ? { observation: toData(ctx.observation) } : {};
  const drift = toData([...ctx.drift.values()]);
  if (!ctx.observed) return { observation: { drift } };
  const own = toData(ctx.observation);
  return { observation: typeof own === 'object' && own !== null && !Array.isArray(own) ? { ...own, drift } : { value: own, drift } };
}
