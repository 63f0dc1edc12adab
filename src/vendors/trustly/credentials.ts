import type { KeyCredentials } from '../../auth/signer.ts';
import type { CheckContext } from '../../runner/check-context.ts';

// design.md names these variables; credentials come from the environment only, never from flags.
export const MERCHANT_A_VARS = ['TRUSTLY_ACCESS_ID', 'TRUSTLY_ACCESS_KEY'] as const;
export const MERCHANT_B_VARS = ['TRUSTLY_MERCHANT_B_ACCESS_ID', 'TRUSTLY_MERCHANT_B_ACCESS_KEY'] as const;

export type Merchant = 'A' | 'B';

/**
 * A merchant's accessId/accessKey pair. Merchant A is required for every rule; merchant B only
 * for the isolation rules. A pair that is not set skips the rule in hand, naming the variables.
 */
export function merchantCredentials(ctx: CheckContext, merchant: Merchant): KeyCredentials {
  const [idVar, keyVar] = merchant === 'A' ? MERCHANT_A_VARS : MERCHANT_B_VARS;
  return ctx.credentials(idVar, keyVar);
}

/** The merchant role whose key this is (merchantA, merchantB), by the run's credential variables. */
export function roleOf(env: Record<string, string | undefined>, credentials: KeyCredentials): string {
  if (env[MERCHANT_A_VARS[0]] === credentials.id) return 'merchantA';
  if (env[MERCHANT_B_VARS[0]] === credentials.id) return 'merchantB';
  return 'unknown';
}
