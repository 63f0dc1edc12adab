import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import type { KeyCredentials } from '../src/auth/signer.ts';
import type { Vendor } from '../src/openapi/vendors.ts';
import { pairedRatio, type Figure } from './figure.ts';
import { collectionPath, loadRequest, type LoadOperation } from './load-requests.ts';
import { runLoad, type LoadResult } from './run-load.ts';
import { spawnServer } from './spawn-server.ts';
import { startPrism, type RunningPrism } from './start-prism.ts';
import { spread } from './stats.ts';
import { vendorKeys } from './vendor-keys.ts';

const BARE_GOAL = 0.6;
const PRISM_GOAL = 10;
const OPERATIONS: LoadOperation[] = ['get', 'create'];
/** Prism's example id (specs/trustist: 3kTp9j2mN5xR); Prism answers any id with the example anyway. */
const PRISM_ID: Record<Vendor, string> = { trustist: '3kTp9j2mN5xR', trustly: '1002463580' };

export interface ThroughputOptions {
  runs: number;
  seconds: number;
  connections: number;
}

type Target = 'mock' | 'bare' | 'prism';

/**
 * Figure 2: requests per second of GET customer and create customer on a vendor's mock, beside
 * a bare node:http server (the upper bound) and Prism serving the same spec. Each target runs in
 * a process of its own; autocannon runs here. Within a round every target and operation takes
 * its turn, so a noisy spell falls on all of them rather than on one.
 */
export async function measureMockThroughput(vendor: Vendor, options: ThroughputOptions, log: (line: string) => void): Promise<Figure[]> {
  const mock = await spawnServer('serve-mock.ts', [vendor]);
  const bare = await spawnServer('bare-server.ts');
  let prism: RunningPrism | undefined;
  let prismError: string | undefined;
  try {
    prism = await startPrism(fileURLToPath(new URL(`../specs/${vendor}/customers.openapi.yaml`, import.meta.url)));
  } catch (error) {
    prismError = (error as Error).message;
    log(`  ${vendor}: Prism did not start: ${prismError}`);
  }
  try {
    const [credentials] = vendorKeys(vendor, mock.credentials);
    const customerId = await createCustomer(vendor, mock.url, credentials);
    const origins: Partial<Record<Target, string>> = { mock: mock.url, bare: bare.url, ...(prism ? { prism: prism.url } : {}) };
    const results = new Map<string, LoadResult[]>();
    /** The server process's CPU (user + system) per response, per run: steadier than req/s when other jobs load the machine. */
    const cpuPerResponse = new Map<string, number[]>();
    for (let round = 0; round <= options.runs; round++) {
      for (const operation of OPERATIONS) {
        for (const [target, origin] of Object.entries(origins) as [Target, string][]) {
          const load = loadRequest(vendor, operation, credentials, target === 'prism' ? PRISM_ID[vendor] : customerId);
          // Round 0 warms up every process (JIT, connection pools) and is not counted.
          const server = target === 'mock' ? mock : target === 'bare' ? bare : undefined;
          const cpuBefore = await server?.cpuMicros();
          const result = await runLoad(origin, load, round === 0 ? 1 : options.seconds, options.connections);
          const cpuAfter = await server?.cpuMicros();
          if (round === 0) continue;
          const key = `${operation} ${target}`;
          results.set(key, [...(results.get(key) ?? []), result]);
          const responses = Object.values(result.statuses).reduce((a, b) => a + b, 0);
          if (cpuBefore !== undefined && cpuAfter !== undefined && responses > 0) cpuPerResponse.set(key, [...(cpuPerResponse.get(key) ?? []), (cpuAfter - cpuBefore) / responses]);
          log(`  ${vendor} round ${round} ${operation} ${target}: ${result.rps.toFixed(0)} req/s, p50 ${result.latencyP50Ms} ms, statuses ${JSON.stringify(result.statuses)}${result.errors ? `, ${result.errors} errors` : ''}${cpuBefore !== undefined ? `, server CPU ${cpuPerResponse.get(key)?.at(-1)?.toFixed(1)} µs/response` : ''}`);
        }
      }
    }
    return OPERATIONS.flatMap((operation) => figuresOf(vendor, operation, results, cpuPerResponse, options, prism?.version, prismError));
  } finally {
    await prism?.stop();
    await bare.stop();
    await mock.stop();
  }
}

function figuresOf(
  vendor: Vendor,
  operation: LoadOperation,
  results: Map<string, LoadResult[]>,
  cpuPerResponse: Map<string, number[]>,
  options: ThroughputOptions,
  prismVersion: string | undefined,
  prismError: string | undefined,
): Figure[] {
  const rps = (target: Target) => (results.get(`${operation} ${target}`) ?? []).map((r) => r.rps);
  const mock = rps('mock');
  const what = operation === 'get' ? `GET ${collectionPath(vendor)}/{id}` : `POST ${collectionPath(vendor)} (create)`;
  const base = {
    unit: 'req/s',
    value: spread(mock),
  };
  const statusNote = (target: Target) => {
    const all = results.get(`${operation} ${target}`) ?? [];
    const statuses: Record<string, number> = {};
    let errors = 0;
    for (const r of all) {
      errors += r.errors;
      for (const [status, count] of Object.entries(r.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
    }
    return `${target} statuses ${Object.entries(statuses).map(([s, c]) => `${s}: ${c}`).join(', ')}${errors ? `; ${errors} errors/timeouts` : ''}`;
  };
  const setup = `autocannon, ${options.connections} connections, ${options.seconds} s per run, every request ${vendor === 'trustist' ? 'Hawk-signed afresh' : 'with Basic auth'}; each server in its own process`;
  const bareRatio = pairedRatio(mock, rps('bare'));
  const figures: Figure[] = [
    {
      id: `mock-throughput.${vendor}.${operation}.vs-bare`,
      title: `${vendor} mock ${what} vs bare node:http`,
      ...base,
      baseline: { title: 'bare node:http, constant JSON', value: spread(rps('bare')) },
      ratio: bareRatio,
      goal: `mock/bare >= ${BARE_GOAL}`,
      met: bareRatio.median >= BARE_GOAL,
      notes: [
        setup,
        statusNote('mock'),
        statusNote('bare'),
        cpuNote(cpuPerResponse.get(`${operation} mock`) ?? [], cpuPerResponse.get(`${operation} bare`) ?? []),
        ...(vendor === 'trustist'
          ? ['the load generator signs every request with Hawk on the same two cores, which caps the bare server too: near or above 1, mock and bare both hit that cap']
          : []),
      ],
    },
  ];
  const prism = rps('prism');
  if (prism.length === 0) {
    figures.push({
      id: `mock-throughput.${vendor}.${operation}.vs-prism`,
      title: `${vendor} mock ${what} vs Prism`,
      ...base,
      goal: `mock/prism >= ${PRISM_GOAL}`,
      met: false,
      notes: [`Prism could not be measured: ${prismError ?? 'no runs'}`],
    });
  } else {
    const prismRatio = pairedRatio(mock, prism);
    const needed = PRISM_GOAL * spread(prism).median;
    const bareMedian = spread(rps('bare')).median;
    const cap =
      prismRatio.median < PRISM_GOAL && needed > bareMedian
        ? [`${PRISM_GOAL} × Prism is ${Math.round(needed)} req/s, more than the bare server's ${Math.round(bareMedian)} under the same load: out of reach of any server measured this way on this machine`]
        : [];
    figures.push({
      id: `mock-throughput.${vendor}.${operation}.vs-prism`,
      title: `${vendor} mock ${what} vs Prism`,
      ...base,
      baseline: { title: `Prism mock of the same spec`, value: spread(prism) },
      ratio: prismRatio,
      goal: `mock/prism >= ${PRISM_GOAL}`,
      met: prismRatio.median >= PRISM_GOAL,
      notes: [setup, statusNote('prism'), `Prism ${prismVersion} started as \`prism mock <spec> -p <port>\` with default options (static examples, info logging, here to a file)`, ...cap],
    });
  }
  return figures;
}

/**
 * The servers' own CPU per response (median of the runs) and bare/mock, the ratio the req/s
 * figure would show if the server alone limited it: req/s moves with every other job on a shared
 * machine, a server's CPU per response much less.
 */
function cpuNote(mock: number[], bare: number[]): string {
  if (mock.length === 0 || bare.length === 0) return 'server CPU per response: not measured';
  const m = spread(mock).median;
  const b = spread(bare).median;
  return `server CPU per response (user + system, median): mock ${m.toFixed(1)} µs, bare ${b.toFixed(1)} µs; bare/mock ${(b / m).toFixed(2)} (paired ${pairedRatio(bare, mock).median.toFixed(2)})`;
}

/** The customer every GET reads, created through the API like any other. */
async function createCustomer(vendor: Vendor, origin: string, credentials: KeyCredentials): Promise<string> {
  const create = loadRequest(vendor, 'create', credentials, '');
  const response = await request(new URL(create.path, origin), { method: 'POST', headers: create.headers(origin), body: create.body });
  const text = await response.body.text();
  if (response.statusCode >= 300) throw new Error(`creating the customer to read failed: ${response.statusCode} ${text}`);
  const json = JSON.parse(text) as { id?: string; customer?: { customerId?: string } };
  const id = json.customer?.customerId ?? json.id;
  if (!id) throw new Error(`the create answer has no id: ${text}`);
  return id;
}
