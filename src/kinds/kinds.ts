import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CheckContext } from '../runner/check-context.ts';
import type { Check } from '../runner/check.ts';
import type { VendorSpec } from '../openapi/vendor-spec.ts';
import { specPath } from '../openapi/vendors.ts';
import { readSpecCache, specCacheKey } from '../openapi/spec-cache.ts';
import { authRequired } from './auth-required.ts';
import { badCredentials } from './bad-credentials.ts';
import { createSchema } from './create-schema.ts';
import { createSubsets } from './create-subsets.ts';
import { distinctIds } from './distinct-ids.ts';
import { immutableFields } from './immutable-fields.ts';
import type { Kind } from './kind.ts';
import { listUnfiltered } from './list-unfiltered.ts';
import { nullClears } from './null-clears.ts';
import { partialUpdate } from './partial-update.ts';
import { permissionDenied } from './permission-denied.ts';
import { refusedBody } from './refused-body.ts';
import { roundTrip } from './round-trip.ts';
import { scopeField } from './scope-field.ts';
import { scopeIsolation } from './scope-isolation.ts';
import { statefulModel } from './stateful-model.ts';
import { timestamps } from './timestamps.ts';
import { unknownId } from './unknown-id.ts';
import { updateAnswer } from './update-answer.ts';
import { unknownTag } from './unknown-tag.ts';

/** Every generic kind of check, by the name an x-rules entry gives as its `kind`. */
export const KINDS: Readonly<Record<string, Kind>> = {
  'auth-required': authRequired,
  'bad-credentials': badCredentials,
  'create-schema': createSchema,
  'create-subsets': createSubsets,
  'round-trip': roundTrip,
  'unknown-id': unknownId,
  'partial-update': partialUpdate,
  'null-clears': nullClears,
  'immutable-fields': immutableFields,
  timestamps,
  'scope-isolation': scopeIsolation,
  'permission-denied': permissionDenied,
  'refused-body': refusedBody,
  stateful: statefulModel,
  'list-unfiltered': listUnfiltered,
  'unknown-tag': unknownTag,
  'scope-field': scopeField,
  'update-answer': updateAnswer,
  'distinct-ids': distinctIds,
};

/**
 * The checks of every rule of a spec whose x-rules entry names a kind: the kind's function with
 * the rule's parameters. A kind that does not exist is an error naming the rule and the kinds.
 */
export function kindChecks(spec: VendorSpec): Check[] {
  for (const rule of spec.rules) if (rule.kind !== undefined) kindOf(rule.kind, `${spec.spec.path}: rule ${rule.id}`);
  return spec.rules.filter((rule) => rule.kind !== undefined).map((rule) => ({ rule: rule.id, area: 'kinds', run: runKind }));
}

/**
 * The same checks, known before the spec is loaded and compiled: test runners name their tests
 * at collection time, synchronously. Each runs the kind its rule names in the spec the run loaded.
 */
export function kindChecksOf(vendor: string, path = specPath(vendor)): Check[] {
  const raw = rawSpec(path) as { 'x-rules'?: { id?: unknown; kind?: unknown }[] };
  return (raw['x-rules'] ?? []).filter((entry) => typeof entry.kind === 'string').map((entry) => ({ rule: String(entry.id), area: 'kinds', run: runKind }));
}

/**
 * The spec as written, from the disk cache of loaded specs when it holds it (every worker names
 * its tests this way, and parsing the YAML cost each a quarter of a second), else parsed here.
 */
function rawSpec(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  const cached = readSpecCache(specCacheKey(text));
  if (cached) return cached.raw;
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return parse(text);
}

function runKind(ctx: CheckContext): Promise<void> {
  const rule = ctx.spec.rules.find((r) => r.id === ctx.rule);
  if (rule?.kind === undefined) throw new Error(`${ctx.spec.spec.path}: rule ${ctx.rule} names no kind`);
  return kindOf(rule.kind, `${ctx.spec.spec.path}: rule ${rule.id}`)(ctx, rule.params ?? {});
}

function kindOf(name: string, where: string): Kind {
  const kind = KINDS[name];
  if (!kind) throw new Error(`${where} names kind "${name}", which does not exist (kinds: ${Object.keys(KINDS).join(', ')})`);
  return kind;
}
