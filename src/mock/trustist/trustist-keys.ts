import { randomBytes, randomUUID } from 'node:crypto';

export const PERMISSIONS = ['create_customer', 'read_customers', 'update_customer', 'create_onboard_session'] as const;
export type TrustistPermission = (typeof PERMISSIONS)[number];

/** One key the mock accepts: a tenant key scoped to permissions, or a merchant key without a tenant. */
export interface TrustistKey {
  /** The environment variable prefix naming the key, e.g. TRUSTIST_READONLY (for TRUSTIST_READONLY_KEY_ID). */
  name: string;
  id: string;
  secret: string;
  /** Absent for a merchant key: merchant keys cover payments only, never a tenant's customers. */
  tenantId?: string;
  permissions: ReadonlySet<TrustistPermission>;
}

export interface TrustistKeyring {
  /** Every key id and secret, by the environment variable that names it (design.md's list). */
  credentials: Record<string, string>;
  byId: Map<string, TrustistKey>;
  /** Tenant A's full key: what the auth faults pretend the caller used. */
  primary: TrustistKey;
  tenants: { a: string; b: string };
}

type Tenant = 'a' | 'b' | undefined;

// design.md's credential list: which tenant each variable's key belongs to and what it may do.
const KEY_SHAPES: { name: string; tenant: Tenant; permissions: readonly TrustistPermission[] }[] = [
  { name: 'TRUSTIST', tenant: 'a', permissions: PERMISSIONS },
  { name: 'TRUSTIST_TENANT_B', tenant: 'b', permissions: PERMISSIONS },
  { name: 'TRUSTIST_READONLY', tenant: 'a', permissions: ['read_customers'] },
  { name: 'TRUSTIST_NOREAD', tenant: 'a', permissions: PERMISSIONS.filter((p) => p !== 'read_customers') },
  { name: 'TRUSTIST_NOONBOARD', tenant: 'a', permissions: PERMISSIONS.filter((p) => p !== 'create_onboard_session') },
  { name: 'TRUSTIST_MERCHANT', tenant: undefined, permissions: [] },
];

/**
 * Reads each key variable from `env` when it is set, and generates the rest, so a developer can
 * point the suite at the mock with their own fixed keys or let the mock invent fresh ones.
 */
export function readTrustistKeys(env: Record<string, string | undefined>): TrustistKeyring {
  const tenants = { a: randomUUID(), b: randomUUID() };
  const credentials: Record<string, string> = {};
  const byId = new Map<string, TrustistKey>();
  for (const shape of KEY_SHAPES) {
    const idVar = `${shape.name}_KEY_ID`;
    const secretVar = `${shape.name}_KEY_SECRET`;
    const id = nonEmpty(env[idVar]) ?? randomUUID();
    const secret = nonEmpty(env[secretVar]) ?? randomBytes(32).toString('base64url');
    const clash = byId.get(id);
    if (clash) throw new Error(`${idVar} and ${clash.name}_KEY_ID name the same key id; every Trustist key needs its own id`);
    credentials[idVar] = id;
    credentials[secretVar] = secret;
    const key: TrustistKey = { name: shape.name, id, secret, permissions: new Set(shape.permissions) };
    if (shape.tenant) key.tenantId = tenants[shape.tenant];
    byId.set(id, key);
  }
  return { credentials, byId, primary: byId.get(credentials.TRUSTIST_KEY_ID!)!, tenants };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
