import type { KeyCredentials } from '../../auth/signer.ts';
import type { CheckContext } from '../../runner/check-context.ts';
import { roleHolds, roleOfKey } from '../../openapi/x-conform.ts';

/**
 * The Trustist keys a run can hold, by their role in the spec's x-conform (tenantA, tenantB,
 * readonly, noread, noonboard, merchant): its variables and the operations each may call live
 * there. Only tenant A's key is required; a rule that needs another role is skipped, naming that
 * role's variables, when they are not set.
 */
export type KeyRole = 'tenantA' | 'tenantB' | 'readonly' | 'noread' | 'noonboard' | 'merchant';

/** The variables of a role's key. */
export function keyVars(ctx: CheckContext, role: KeyRole): { idVar: string; secretVar: string } {
  const found = ctx.spec.conform.credentials[role];
  if (!found) throw new Error(`the trustist spec's x-conform has no credential role "${role}"`);
  return found;
}

/** Whether the key in the id variable `idVar` may call `operationId` (false for a variable of no role). */
export function keyHolds(ctx: CheckContext, idVar: string, operationId: string): boolean {
  return roleHolds(ctx.spec.conform, idVar, operationId);
}

/** The key of a role; skips the rule in hand when its variables are not set. */
export function key(ctx: CheckContext, role: KeyRole): KeyCredentials {
  const { idVar, secretVar } = keyVars(ctx, role);
  return ctx.credentials(idVar, secretVar);
}

/** The role whose key this is, by the run's credential variables ('unknown' for a made-up key). */
export function roleOf(ctx: CheckContext, credentials: KeyCredentials): string {
  return roleOfKey(ctx.spec.conform, ctx.config.env, credentials.id);
}
