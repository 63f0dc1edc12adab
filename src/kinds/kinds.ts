import type { Check } from '../harness/check.ts';
import type { VendorSpec } from '../openapi/vendor-spec.ts';
import { authRequired } from './auth-required.ts';
import { badCredentials } from './bad-credentials.ts';
import { createSchema } from './create-schema.ts';
import { immutableFields } from './immutable-fields.ts';
import type { Kind } from './kind.ts';
import { nullClears } from './null-clears.ts';
import { partialUpdate } from './partial-update.ts';
import { roundTrip } from './round-trip.ts';
import { scopeIsolation } from './scope-isolation.ts';
import { timestamps } from './timestamps.ts';
import { unknownId } from './unknown-id.ts';

/** Every generic kind of check, by the name an x-rules entry gives as its `kind`. */
export const KINDS: Readonly<Record<string, Kind>> = {
  'auth-required': authRequired,
  'bad-credentials': badCredentials,
  'create-schema': createSchema,
  'round-trip': roundTrip,
  'unknown-id': unknownId,
  'partial-update': partialUpdate,
  'null-clears': nullClears,
  'immutable-fields': immutableFields,
  timestamps,
  'scope-isolation': scopeIsolation,
};

/**
 * The checks of every rule of a spec whose x-rules entry names a kind: the kind's function with
 * the rule's parameters. A kind that does not exist is an error naming the rule and the kinds.
 */
export function kindChecks(spec: VendorSpec): Check[] {
  return spec.rules
    .filter((rule) => rule.kind !== undefined)
    .map((rule) => {
      const kind = KINDS[rule.kind!];
      if (!kind) throw new Error(`${spec.spec.path}: rule ${rule.id} names kind "${rule.kind}", which does not exist (kinds: ${Object.keys(KINDS).join(', ')})`);
      const params = rule.params ?? {};
      return { rule: rule.id, area: `kind:${rule.kind}`, run: (ctx) => kind(ctx, params) };
    });
}
