import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { loadVendorSpec } from '../../openapi/index.ts';
import { chaosLayer } from '../chaos.ts';
import { answerClientErrors, listen, normaliseBasePath, type HttpProblem } from '../http-kit.ts';
import type { MockOptions, RunningMock } from '../mock-types.ts';
import { trustlyChaosRefusal } from './chaos-refusal.ts';
import { CustomerStore, type Customer } from './customer-store.ts';
import { TRUSTLY_FAULTS, isTrustlyFault, type TrustlyFaultName } from './faults.ts';
import { handleTrustlyRequest } from './handle-trustly-request.ts';
import { resolveMerchants } from './merchant-credentials.ts';
import { DOMAINS, ERROR_CODES, TrustlyProblem, errorBody } from './trustly-problem.ts';
import type { TrustlyContext } from './trustly-context.ts';
import { pickVariants } from '../variant.ts';
import { TRUSTLY_VARIANTS, type TrustlyVariantName } from './variants.ts';

/**
 * Starts the Trustly (North America) reference mock: a stateful, in-memory stand-in for the
 * customer endpoints under /api/v1, following specs/trustly/customers.openapi.yaml.
 */
export async function startTrustlyMock(options: MockOptions = {}): Promise<RunningMock> {
  const fault = checkedFault(options.fault);
  const variants = new Set(pickVariants('trustly', TRUSTLY_VARIANTS, options.variants ?? []).map((v) => v.name as TrustlyVariantName));
  const { merchants, credentials } = resolveMerchants(options.env ?? process.env);
  const { validators } = await loadVendorSpec('trustly');
  const documented = new Map(
    [...validators.operations.values()].map((op) => [op.operationId, new Set(op.responses.map((r) => Number(r.status)).filter(Number.isInteger))]),
  );
  const ctx: TrustlyContext = {
    store: new CustomerStore(),
    merchants,
    validators,
    fault,
    variants,
    clock: options.clock ?? Date.now,
    documented,
    listCache: new Map(),
    basePath: normaliseBasePath(options.basePath),
  };

  for (const { merchantId } of merchants) {
    for (const record of options.foreignRecords ?? []) ctx.store.insert(merchantId, { customerId: ctx.store.newCustomerId(), ...record } as Customer);
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    // handleTrustlyRequest turns every error into a response; this catch is the last line
    // against a failure while answering (e.g. a socket torn down mid-write).
    try {
      handleTrustlyRequest(ctx, req, res);
    } catch {
      res.destroy();
    }
  };
  const chaos = options.chaos && chaosLayer(options.chaos, trustlyChaosRefusal(fault, variants), options.clock);
  const server = createServer(chaos ? chaos.wrap(handler) : handler);
  answerClientErrors(server, (problem: HttpProblem) =>
    errorBody(new TrustlyProblem(400, ERROR_CODES.invalidParameter, DOMAINS.request, { message: problem.message }), fault),
  );

  const url = `${await listen(server, options.port, options.host)}${ctx.basePath}`;

  return {
    vendor: 'trustly',
    url,
    ...(fault === undefined ? {} : { fault }),
    ...(variants.size > 0 ? { variants: [...variants] } : {}),
    credentials,
    snapshot: () => ctx.store.snapshot(),
    ...(chaos ? { chaos: { seed: chaos.seed, description: chaos.describe(), counts: chaos.counts } } : {}),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}

function checkedFault(name: string | undefined): TrustlyFaultName | undefined {
  if (name === undefined) return undefined;
  if (!isTrustlyFault(name)) {
    throw new Error(`unknown trustly fault "${name}"; valid: ${TRUSTLY_FAULTS.map((f) => f.name).join(', ')}`);
  }
  return name;
}
