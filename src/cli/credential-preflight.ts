import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KeyCredentials, Signer } from '../auth/signer.ts';
import { targetPath } from '../http/base-path.ts';
import { exchange } from '../http/exchange.ts';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';
import type { XConform } from '../openapi/x-conform.ts';
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
 * The probes of a vendor's configured credentials, as its spec's x-conform lists them: a GET of a
 * made-up customer id, which writes nothing and, for a key the target accepts, answers 404. A
 * pair with a variable unset is not probed: the rules that need it are skipped, as documented.
 * A role marked `preflight: skip` is not probed either (a key the customer endpoints refuse by
 * design, such as Trustist's merchant key, cannot be told wrong from right by them).
 */
export function probesOf(conform: XConform, getPath: string, env: Record<string, string | undefined>, baseUrl: string): Probe[] {
  const path = targetPath(baseUrl, conform.basePath, getPath.replace(/\{[^}]+\}/, `conform-preflight-${randomUUID()}`));
  return Object.values(conform.credentials)
    .filter(({ idVar, secretVar, preflight }) => preflight === 'read' && env[idVar] && env[secretVar])
    .map(({ idVar, secretVar, operations }) => ({
      idVar,
      secretVar,
      path,
      // A key that may not read (Trustist's no-read key) is refused the read with 403: that is
      // its permission, not a refusal of the key. A key that may read and gets 403 is the wrong key.
      refusedBy: operations.includes(conform.operations.get) ? [401, 403] : [401],
    }));
}

export interface PreflightOptions {
  vendor: string;
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
  const { conform, validators } = await loadVendorSpec(options.vendor);
  for (const probe of probesOf(conform, validators.operation(conform.operations.get).path, options.env, options.baseUrl)) {
    if (tried.length > 0 && options.rps !== undefined) await sleep(1000 / options.rps);
    const credentials: KeyCredentials = { id: options.env[probe.idVar]!, secret: options.env[probe.secretVar]! };
    const answer = await exchange({ baseUrl: options.baseUrl, method: 'GET', path: probe.path, signer: options.signer, credentials, timeoutMs: options.timeoutMs });
    const where = `GET ${probe.path.split('?')[0]}`;
    if (!answer.response || answer.error !== undefined) {
      throw new UsageError(`cannot check ${probe.idVar}: ${where} got no complete answer (${answer.error ?? 'no response'}); check --target and the network`);
    }
    const status = answer.response.status;
    if (probe.refusedBy.includes(status)) {
      throw new UsageError(`the target refused ${probe.idVar} (${status} to a harmless ${where}): check ${probe.idVar} and ${probe.secretVar}${conform.auth.schemes.length > 1 ? ' and --auth' : ''}`);
    }
    tried.push(probe.idVar);
  }
  return tried;
}
