import { createHash, randomBytes, randomInt } from 'node:crypto';

/** One merchant the mock knows: its Basic credentials and the merchantId its customers carry. */
export interface Merchant {
  merchantId: string;
  accessId: string;
  accessKey: string;
}

// The variable names are the contract of design.md: merchant A, then merchant B.
const VARIABLES = [
  { id: 'TRUSTLY_ACCESS_ID', key: 'TRUSTLY_ACCESS_KEY' },
  { id: 'TRUSTLY_MERCHANT_B_ACCESS_ID', key: 'TRUSTLY_MERCHANT_B_ACCESS_KEY' },
] as const;

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

export interface ResolvedMerchants {
  /** Merchant A first: faults that stand in for a missing caller use it. */
  merchants: [Merchant, Merchant];
  credentials: Record<string, string>;
}

/**
 * Takes each credential variable from the environment when it is set (an empty value counts as
 * unset) and generates the missing ones, so `conform run` can point the suite at the mock with
 * the same variables it would use for the sandbox.
 */
export function resolveMerchants(env: Record<string, string | undefined>): ResolvedMerchants {
  const credentials: Record<string, string> = {};
  const merchants = VARIABLES.map(({ id, key }) => {
    const accessId = nonEmpty(env[id]) ?? generatedAccessId();
    const accessKey = nonEmpty(env[key]) ?? randomBytes(32).toString('base64url');
    // Basic puts a colon between user name and password, so an accessId cannot hold one.
    if (accessId.includes(':')) throw new Error(`${id} must not contain ":" (HTTP Basic separates the accessId from the accessKey with it)`);
    credentials[id] = accessId;
    credentials[key] = accessKey;
    return { merchantId: merchantIdFor(accessId), accessId, accessKey };
  }) as [Merchant, Merchant];
  const [a, b] = merchants;
  if (a.accessId === b.accessId) {
    throw new Error(`${VARIABLES[0].id} and ${VARIABLES[1].id} must differ: they name two different merchants`);
  }
  if (a.merchantId === b.merchantId) b.merchantId = String(Number(b.merchantId) + 1);
  return { merchants, credentials };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Shaped like the vendor's ids, with a prefix that says where it came from. */
function generatedAccessId(): string {
  let id = 'conform';
  for (let i = 0; i < 14; i++) id += ALNUM[randomInt(ALNUM.length)];
  return id;
}

/**
 * A numeric merchantId like the vendor's ('1002463580'), derived from the accessId so the same
 * credentials show the same merchantId after a restart (useful for recorded Pact contracts).
 */
function merchantIdFor(accessId: string): string {
  const digest = createHash('sha256').update(accessId).digest();
  return `100${String(digest.readUInt32BE(0) % 10_000_000).padStart(7, '0')}`;
}
