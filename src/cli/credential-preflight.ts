import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KeyCredentials, Signer } from '../auth/signer.ts';
import { underBasePath } from '../http/base-path.ts';
import { exchange } from '../http/exchange.ts';
import type { Vendor } from '../openapi/vendors.ts';
import { KEY_ROLES, keyHolds } from '../vendors/trustist/credentials.ts';
import { apiPath } from '../vendors/trustly/client.ts';
import { MERCHANT_A_VARS, MERCHANT_B_VARS } from '../vendors/trustly/credentials.ts';
import { UsageError } from './usage-error.ts';

/** One configured credential and the harmless request that tries it. */
export interface Probe {
  idVar: string;
  secretVar: string;
  /** Path and query under the target's base URL. */
  path: string;
  /** Statuses that say the target refused the key itself (not a permission the key lacks). */
  refusedBy: number[];
}

/**
 * The probes of a vendor's configured credentials: a GET of a made-up customer id, which writes
 * nothing and, for a key the target accepts, answers 404 (or 403 for a key without read access).
 * A pair with a variable unset is not probed: the rules that need it are skipped, as documented.
 */
export function probesOf(vendor: Vendor, env: Record<string, string | undefined>, baseUrl: string): Probe[] {
  const madeUp = `conform-preflight-${randomUUID()}`;
  if (vendor === 'trustly') {
    return [MERCHANT_A_VARS, MERCHANT_B_VARS]
      .filter(([idVar, secretVar]) => env[idVar] && env[secretVar])
      // Both merchants may read; the docs list no 403, so a 403 refuses the key as a 401 does.
      .map(([idVar, secretVar]) => ({ idVar, secretVar, path: apiPath(baseUrl, `/customers/${madeUp}`), refusedBy: [401, 403] }));
  }
  return Object.values(KEY_ROLES)
    .filter(({ idVar, secretVar }) => env[idVar] && env[secretVar])
    // The merchant key has no tenant context: customer endpoints refuse it by design, with 401 or
    // 403 (vendor-notes.md), so no customer request can tell a wrong merchant key from a right one.
    .filter(({ idVar }) => idVar !== KEY_ROLES.merchant.idVar)
    .map(({ idVar, secretVar }) => ({
      idVar,
      secretVar,
      path: underBasePath(baseUrl, `/v1/customers/${madeUp}`),
      // A key without read_customers (the no-read key) is refused the read with 403: that is its
      // permission, not a refusal of the key. A key that holds it and gets 403 is the wrong key.
      refusedBy: keyHolds(idVar, 'getCustomer') ? [401, 403] : [401],
    }));
}

export interface PreflightOptions {
  vendor: Vendor;
  baseUrl: string;
  env: Record<string, string | undefined>;
  signer: Signer;
  timeoutMs: number;
  /** Requests per second (--rps): the probes keep to it too. */
  rps?: number;
}

/**
 * Tries each configured credential once, before any check and before anything is written. A key
 * the target refuses is a configuration error: one line naming its variable (exit 2). Returns
 * the variables tried.
 */
export async function preflightCredentials(options: PreflightOptions): Promise<string[]> {
  const tried: string[] = [];
  for (const probe of probesOf(options.vendor, options.env, options.baseUrl)) {
    if (tried.length > 0 && options.rps !== undefined) await sleep(1000 / options.rps);
    const credentials: KeyCredentials = { id: options.env[probe.idVar]!, secret: options.env[probe.secretVar]! };
    const answer = await exchange({ baseUrl: options.baseUrl, method: 'GET', path: probe.path, signer: options.signer, credentials, timeoutMs: options.timeoutMs });
    const where = `GET ${probe.path.split('?')[0]}`;
    if (!answer.response || answer.error !== undefined) {
      throw new UsageError(`cannot check ${probe.idVar}: ${where} got no complete answer (${answer.error ?? 'no response'}); check --target and the network`);
    }
    const status = answer.response.status;
    if (probe.refusedBy.includes(status)) {
      throw new UsageError(`the target refused ${probe.idVar} (${status} to a harmless ${where}): check ${probe.idVar} and ${probe.secretVar}${options.vendor === 'trustist' ? ' and --auth' : ''}`);
    }
    tried.push(probe.idVar);
  }
  return tried;
}
