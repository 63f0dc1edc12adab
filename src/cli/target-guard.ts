import type { OpenAPIV3_1 } from 'openapi-types';
import type { LoadedSpec } from '../openapi/load-spec.ts';
import { VENDORS, type Vendor } from '../openapi/vendors.ts';
import { UsageError } from './usage-error.ts';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Hosts the spec marks as sandboxes (`x-environment: sandbox` on a server). */
export function sandboxHosts(spec: LoadedSpec): string[] {
  return (spec.raw.servers ?? [])
    .filter((s: OpenAPIV3_1.ServerObject) => (s as Record<string, unknown>)['x-environment'] === 'sandbox')
    .map((s) => new URL(s.url).host.toLowerCase());
}

/**
 * A live target is someone's real account: only loopback and the vendors' known sandbox hosts
 * run without --allow-production.
 */
export function assertTargetAllowed(target: URL, spec: LoadedSpec, allowProduction: boolean): void {
  if (allowProduction || LOOPBACK.test(target.hostname)) return;
  const sandboxes = sandboxHosts(spec);
  if (sandboxes.includes(target.host.toLowerCase())) return;
  throw new UsageError(
    `${target.host} is not a known ${spec.vendor} sandbox (${sandboxes.join(', ')}) nor loopback: it may be a production account. Add --allow-production to run against it anyway.`,
  );
}

/**
 * Fails with one clear line when nothing answers at the target within the per-request timeout.
 * Any HTTP answer (its status line and headers) counts as reachable; the body is not waited for.
 */
export async function assertReachable(target: URL, timeoutMs: number): Promise<void> {
  try {
    // undici is loaded only for a live target: a run against the embedded mocks never needs it here.
    const { request } = await import('undici');
    const response = await request(target, { method: 'GET', headersTimeout: timeoutMs, bodyTimeout: timeoutMs, signal: AbortSignal.timeout(timeoutMs) });
    response.body.on('error', () => {});
    response.body.destroy();
  } catch (error) {
    const e = error as { code?: string; message?: string; name?: string };
    if (e.name === 'TimeoutError' || /^UND_ERR_(HEADERS|CONNECT)_TIMEOUT$/.test(e.code ?? '')) {
      throw new UsageError(`cannot reach ${target.origin}: timeout, no answer within ${timeoutMs} ms (--timeout)`);
    }
    throw new UsageError(`cannot reach ${target.origin}: ${e.code ?? ''} ${e.message ?? ''}`.replace(/\s+/g, ' ').trim());
  }
}

/** The --target flag as a URL: one vendor only, http or https, or a UsageError saying what to give. */
export function parseTargetFlag(text: string, vendors: Vendor[]): URL {
  if (vendors.length !== 1) throw new UsageError(`--target needs one vendor: add --vendor ${VENDORS.join(' or --vendor ')}`);
  let target: URL;
  try {
    target = new URL(text);
  } catch {
    throw new UsageError(`--target "${text}" is not a URL; give the base URL, e.g. https://api-sandbox.trustistecommerce.com`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new UsageError(`--target must be an http or https URL, not ${target.protocol}`);
  return target;
}
