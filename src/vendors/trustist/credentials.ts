import type { KeyCredentials } from '../../auth/signer.ts';
import type { CheckContext } from '../../runner/check-context.ts';

/** A Trustist key role of the spec's x-conform credentials. */
export type KeyRole = 'tenantA' | 'tenantB' | 'readonly' | 'noread' | 'noonboard' | 'merchant';

/** The key of a role; skips the rule in hand, naming its variables, when they are not set. */
export function key(ctx: CheckContext, role: KeyRole): KeyCredentials {
  const found = ctx.spec.conform.credentials[role];
  if (!found) throw new Error(`the trustist spec's x-conform has no credential role "${role}"`);
  return ctx.credentials(found.idVar, found.secretVar);
}
