import { createServer } from 'node:http';
import { loadVendorSpec } from '../../openapi/index.ts';
import { chaosLayer } from '../chaos.ts';
import { answerClientErrors, listen, normaliseBasePath } from '../http-kit.ts';
import type { MockOptions, RunningMock } from '../mock-types.ts';
import type { TrustistAuthScheme } from './auth-types.ts';
import { CustomerStore, type Customer } from './customer-store.ts';
import { trustistFault } from './faults.ts';
import { pickVariants } from '../variant.ts';
import { TRUSTIST_VARIANTS, type TrustistVariantName } from './variants.ts';
import { createRequestHandler } from './handle-request.ts';
import { SKEW_SEC } from './hawk-authenticator.ts';
import { HawkNonceCache } from './hawk-nonce-cache.ts';
import { trustistChaosRefusal } from './chaos-refusal.ts';
import { errorBody } from './trustist-problem.ts';
import { readTrustistKeys } from './trustist-keys.ts';

/**
 * Starts the Trustist reference mock: a stateful, in-memory stand-in for the vendor's customer
 * and onboard-session endpoints, following specs/trustist/customers.openapi.yaml. With
 * `options.fault` it deviates in exactly one documented way (faults.ts), for the self-test; with
 * `options.variants` it takes other readings the docs allow (variants.ts).
 */
export async function startTrustistMock(options: MockOptions = {}): Promise<RunningMock> {
  const fault = trustistFault(options.fault);
  const variants = new Set(pickVariants('trustist', TRUSTIST_VARIANTS, options.variants ?? []).map((v) => v.name as TrustistVariantName));
  const scheme = options.auth ?? 'hawk';
  if (!isTrustistScheme(scheme)) throw new Error(`unknown Trustist auth scheme "${scheme}"; use hawk or hmac-sha256`);
  const { validators } = await loadVendorSpec('trustist');
  const keyring = readTrustistKeys(options.env ?? process.env);
  const store = new CustomerStore(fault);
  const basePath = normaliseBasePath(options.basePath);
  for (const [t, tenantId] of [keyring.tenants.a, keyring.tenants.b].entries()) {
    for (const [n, record] of (options.foreignRecords ?? []).entries()) {
      store.insert({ id: `foreign${t}${String(n).padStart(6, '0')}`, ...record, tenantId } as unknown as Customer);
    }
  }
  let url = '';
  const auth = { keyring, scheme, clock: options.clock ?? Date.now, fault, hawkLenient: options.hawkLenient ?? false, nonces: new HawkNonceCache(SKEW_SEC) };

  const chaos = options.chaos && chaosLayer(options.chaos, trustistChaosRefusal(variants), options.clock);
  const handler = createRequestHandler({
    auth,
    store,
    validators,
    fault,
    variants,
    baseUrl: () => url,
    basePath,
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
  });
  const server = createServer(chaos ? chaos.wrap(handler) : handler);
  answerClientErrors(server, errorBody);
  url = `${await listen(server, options.port, options.host)}${basePath}`;

  return {
    vendor: 'trustist',
    url,
    ...(fault ? { fault } : {}),
    ...(variants.size > 0 ? { variants: [...variants] } : {}),
    credentials: { ...keyring.credentials },
    snapshot: () => store.snapshot(),
    ...(chaos ? { chaos: { seed: chaos.seed, description: chaos.describe(), counts: chaos.counts } } : {}),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}

function isTrustistScheme(scheme: string): scheme is TrustistAuthScheme {
  return scheme === 'hawk' || scheme === 'hmac-sha256';
}
