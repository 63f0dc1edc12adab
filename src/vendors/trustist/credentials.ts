import type { KeyCredentials } from '../../auth/signer.ts';
import type { CheckContext } from '../../runner/check-context.ts';

/**
 * The Trustist keys a run can hold (design.md). Only tenant A's key is required; a rule that
 * needs another role is skipped, naming that role's variables, when they are not set: the
 * suite must stay usable by a customer who has only the one key support gave them.
 */
export const KEY_ROLES = {
  /** Tenant A: create_customer, read_customers, update_customer, create_onboard_session. */
  tenantA: { idVar: 'TRUSTIST_KEY_ID', secretVar: 'TRUSTIST_KEY_SECRET' },
  /** A second tenant, to prove isolation. */
  tenantB: { idVar: 'TRUSTIST_TENANT_B_KEY_ID', secretVar: 'TRUSTIST_TENANT_B_KEY_SECRET' },
  /** Tenant A, read_customers only. */
  readonly: { idVar: 'TRUSTIST_READONLY_KEY_ID', secretVar: 'TRUSTIST_READONLY_KEY_SECRET' },
  /** Tenant A, every permission but read_customers. */
  noread: { idVar: 'TRUSTIST_NOREAD_KEY_ID', secretVar: 'TRUSTIST_NOREAD_KEY_SECRET' },
  /** Tenant A, every customer permission but create_onboard_session. */
  noonboard: { idVar: 'TRUSTIST_NOONBOARD_KEY_ID', secretVar: 'TRUSTIST_NOONBOARD_KEY_SECRET' },
  /** A merchant (payments) key, which has no tenant context. */
  merchant: { idVar: 'TRUSTIST_MERCHANT_KEY_ID', secretVar: 'TRUSTIST_MERCHANT_KEY_SECRET' },
} as const;

export type KeyRole = keyof typeof KEY_ROLES;

const CUSTOMER_OPERATIONS = ['createCustomer', 'getCustomer', 'listCustomers', 'updateCustomer', 'createOnboardSession'];

/** The operations each role's key may call, as design.md describes the keys. */
export const KEY_OPERATIONS: Record<KeyRole, readonly string[]> = {
  tenantA: CUSTOMER_OPERATIONS,
  tenantB: CUSTOMER_OPERATIONS,
  readonly: ['getCustomer', 'listCustomers'],
  noread: ['createCustomer', 'updateCustomer', 'createOnboardSession'],
  noonboard: ['createCustomer', 'getCustomer', 'listCustomers', 'updateCustomer'],
  // No tenant context: refused on customer endpoints, with 401 or 403 (vendor-notes.md).
  merchant: [],
};

/** Whether the key in the id variable `idVar` may call `operationId` (false for a variable of no role). */
export function keyHolds(idVar: string, operationId: string): boolean {
  const role = (Object.keys(KEY_ROLES) as KeyRole[]).find((r) => KEY_ROLES[r].idVar === idVar);
  return role !== undefined && KEY_OPERATIONS[role].includes(operationId);
}

/** The key of a role; skips the rule in hand when its variables are not set. */
export function key(ctx: CheckContext, role: KeyRole): KeyCredentials {
  const { idVar, secretVar } = KEY_ROLES[role];
  return ctx.credentials(idVar, secretVar);
}

/** The role whose key this is, by the run's credential variables ('unknown' for a made-up key). */
export function roleOf(env: Record<string, string | undefined>, credentials: KeyCredentials): string {
  const found = (Object.keys(KEY_ROLES) as KeyRole[]).find((role) => env[KEY_ROLES[role].idVar] === credentials.id);
  return found ?? 'unknown';
}
