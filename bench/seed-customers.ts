import { Pool, type Dispatcher } from 'undici';
import type { KeyCredentials } from '../src/auth/signer.ts';
import type { Vendor } from '../src/openapi/vendors.ts';
import { collectionPath, customerBody, signedHeaders } from './load-requests.ts';

/** The filter value whose list is timed; the other customers are spread over many others. */
export const TARGET_FILTER = 'bench-scale-target';
/** Trustist customers in the timed branch (Trustly upserts by externalId, so there it is one). */
const TARGET_SIZE = 10;
const FILLER_FILTERS = 1000;

/**
 * Creates customers through the mock's own API (the mock has no seeding hook, and adding one
 * to src/ only for the benchmark would be a backdoor) until the store holds `total`. Half of
 * them belong to the second tenant/merchant, so a list that scanned every tenant would show.
 */
export async function seedCustomers(vendor: Vendor, origin: string, keys: [KeyCredentials, KeyCredentials], from: number, total: number, concurrency = 32): Promise<void> {
  const pool = new Pool(origin, { connections: concurrency });
  let next = from;
  const worker = async () => {
    for (let i = next++; i < total; i = next++) await createOne(vendor, pool, origin, keys, i);
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await pool.close();
  }
}

async function createOne(vendor: Vendor, pool: Dispatcher, origin: string, keys: [KeyCredentials, KeyCredentials], i: number): Promise<void> {
  const target = i < TARGET_SIZE;
  const key = target || i % 2 === 0 ? keys[0] : keys[1];
  const filter = target ? TARGET_FILTER : `branch-${i % FILLER_FILTERS}`;
  const base = JSON.parse(customerBody(vendor)) as Record<string, unknown>;
  // Trustist lists by orgId (many customers per branch); Trustly by externalId, its upsert key, so each filler has its own.
  const body = JSON.stringify(vendor === 'trustist' ? { ...base, orgId: filter } : { ...base, externalId: target ? TARGET_FILTER : `filler-${i}` });
  const path = collectionPath(vendor);
  const response = await pool.request({ origin, path, method: 'POST', body, headers: signedHeaders(vendor, 'POST', new URL(path, origin), body, key) });
  const text = await response.body.text();
  if (response.statusCode >= 300) throw new Error(`seeding customer ${i} failed: ${response.statusCode} ${text.slice(0, 300)}`);
}
