import type { KeyCredentials } from '../../auth/signer.ts';
import type { CheckContext } from '../../runner/check-context.ts';
import { roleOfKey } from '../../openapi/x-conform.ts';

export type Merchant = 'A' | 'B';

/** The spec's x-conform role of each merchant: its variables live there. */
const ROLE = { A: 'merchantA', B: 'merchantB' } as const;

/** The variables of a merchant's accessId/accessKey pair. */
export function merchantVars(ctx: CheckContext, merchant: Merchant): { idVar: string; secretVar: string } {
  const found = ctx.spec.conform.credentials[ROLE[merchant]];
  if (!found) throw new Error(`the trustly spec's x-conform has no credential role "${ROLE[merchant]}"`);
  return found;
}

/**
 * A merchant's accessId/accessKey pair. Merchant A is required for every rule; merchant B only
 * for the isolation rules. A pair that is not set skips the rule in hand, naming the variables.
 */
export function merchantCredentials(ctx: CheckContext, merchant: Merchant): KeyCredentials {
  const { idVar, secretVar } = merchantVars(ctx, merchant);
  return ctx.credentials(idVar, secretVar);
}

/** The merchant role whose key this is (merchantA, merchantB), by the run's credential variables. */
export function roleOf(ctx: CheckContext, credentials: KeyCredentials): string {
  return roleOfKey(ctx.spec.conform, ctx.config.env, credentials.id);
}
