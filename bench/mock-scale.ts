import { Agent, request } from 'undici';
import type { Vendor } from '../src/openapi/vendors.ts';
import { pairedRatio, type Figure } from './figure.ts';
import { collectionPath, signedHeaders } from './load-requests.ts';
import { seedCustomers, TARGET_FILTER } from './seed-customers.ts';
import { spawnServer, type SpawnedServer } from './spawn-server.ts';
import { percentile, spread } from './stats.ts';
import { vendorKeys } from './vendor-keys.ts';

export interface ScaleOptions {
  large: number;
  small: number;
  runs: number;
  /** Sequential list requests per run. */
  requests: number;
}

const MB = 1024 * 1024;
const LATENCY_GOAL = 2;

/**
 * Figure 3: a mock holding `large` customers (half of them another tenant's or merchant's): its
 * heap, and the latency of a filtered list (Trustist by orgId, Trustly by externalId) beside the
 * same list on a mock holding `small`. Both mocks run side by side in processes of their own and
 * their runs alternate; a list that scanned the store would grow with it, an indexed one does not.
 */
export async function measureMockScale(vendor: Vendor, options: ScaleOptions, log: (line: string) => void): Promise<Figure[]> {
  const small = await spawnServer('serve-mock.ts', [vendor]);
  const large = await spawnServer('serve-mock.ts', [vendor]);
  try {
    const empty = await large.memory();
    const seeded = performance.now();
    await seedCustomers(vendor, small.url, vendorKeys(vendor, small.credentials), 0, options.small);
    await seedCustomers(vendor, large.url, vendorKeys(vendor, large.credentials), 0, options.large);
    const seedSeconds = (performance.now() - seeded) / 1000;
    log(`  ${vendor}: seeded ${options.small} + ${options.large} customers through the API in ${seedSeconds.toFixed(1)} s`);
    const memories: NodeJS.MemoryUsage[] = [];
    for (let i = 0; i < options.runs; i++) memories.push(await large.memory());

    const latency: Record<'small' | 'large', number[]> = { small: [], large: [] };
    const p99: Record<'small' | 'large', number[]> = { small: [], large: [] };
    let listed = { small: -1, large: -1 };
    for (let run = 0; run <= options.runs; run++) {
      for (const [name, server] of [['small', small], ['large', large]] as const) {
        const { samples, count } = await timeLists(vendor, server, options.requests);
        listed = { ...listed, [name]: count };
        // Run 0 warms up the connection and the JIT of both processes.
        if (run === 0) continue;
        latency[name].push(percentile(samples, 50));
        p99[name].push(percentile(samples, 99));
        log(`  ${vendor} run ${run} list at ${name === 'small' ? options.small : options.large}: p50 ${percentile(samples, 50).toFixed(3)} ms, p99 ${percentile(samples, 99).toFixed(3)} ms (${count} customers listed)`);
      }
    }
    const heap = memories.map((m) => (m.heapUsed - empty.heapUsed) / MB);
    const filter = vendor === 'trustist' ? 'orgId' : 'externalId';
    const ratio = pairedRatio(latency.large, latency.small);
    return [
      {
        id: `mock-scale.${vendor}.memory`,
        title: `${vendor} mock heap for ${options.large.toLocaleString('en')} customers`,
        unit: 'MB',
        value: spread(heap),
        baseline: { title: 'heap of the empty mock', value: spread(memories.map(() => empty.heapUsed / MB)) },
        notes: [
          `heap used after a full GC, minus the empty mock's; ${Math.round((spread(heap).median * MB) / options.large)} bytes per customer; RSS ${(spread(memories.map((m) => m.rss)).median / MB).toFixed(0)} MB`,
          `customers created through the API (${seedSeconds.toFixed(0)} s for both mocks), half of them the second ${vendor === 'trustist' ? 'tenant' : 'merchant'}'s`,
          'the issue sets no memory goal',
        ],
      },
      {
        id: `mock-scale.${vendor}.list-latency`,
        title: `${vendor} list by ${filter} at ${options.large.toLocaleString('en')} customers`,
        unit: 'ms',
        value: spread(latency.large),
        baseline: { title: `the same list at ${options.small.toLocaleString('en')} customers`, value: spread(latency.small) },
        ratio,
        goal: `large/small <= ${LATENCY_GOAL}`,
        met: ratio.median <= LATENCY_GOAL,
        notes: [
          `each run: the median of ${options.requests} sequential signed GET ${collectionPath(vendor)}?${filter}=${TARGET_FILTER} (${listed.large} customers in the answer at both sizes: ${listed.small === listed.large}); p99 at the large size ${spread(p99.large).median.toFixed(3)} ms`,
          `goal derived from "no scan over every customer": a list scanning ${options.large.toLocaleString('en')} records would take many times longer than one scanning ${options.small.toLocaleString('en')}`,
        ],
      },
    ];
  } finally {
    await small.stop();
    await large.stop();
  }
}

async function timeLists(vendor: Vendor, server: SpawnedServer, requests: number): Promise<{ samples: number[]; count: number }> {
  const [key] = vendorKeys(vendor, server.credentials);
  const filter = vendor === 'trustist' ? 'orgId' : 'externalId';
  const url = new URL(`${collectionPath(vendor)}?${filter}=${TARGET_FILTER}`, server.url);
  const agent = new Agent({ connections: 1 });
  const samples: number[] = [];
  let count = 0;
  try {
    for (let i = 0; i < requests; i++) {
      const started = performance.now();
      const response = await request(url, { method: 'GET', headers: signedHeaders(vendor, 'GET', url, undefined, key), dispatcher: agent });
      const text = await response.body.text();
      samples.push(performance.now() - started);
      if (response.statusCode !== 200) throw new Error(`list failed: ${response.statusCode} ${text.slice(0, 300)}`);
      if (i === 0) {
        const json = JSON.parse(text) as unknown[] | { customers: unknown[] };
        count = Array.isArray(json) ? json.length : json.customers.length;
      }
    }
  } finally {
    await agent.close();
  }
  return { samples, count };
}
