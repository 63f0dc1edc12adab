import autocannon, { type RequestParams } from 'autocannon';
import type { LoadRequest } from './load-requests.ts';

export interface LoadResult {
  /** Responses per second over the whole run, whatever their status. */
  rps: number;
  /** Responses with a 2xx status, and the others by status. */
  ok: number;
  statuses: Record<string, number>;
  errors: number;
  latencyP50Ms: number;
}

/**
 * One autocannon run against `origin`: `connections` keep-alive connections for `seconds`
 * seconds; a request that needs its own headers (Hawk: a new signature) is built afresh each time.
 */
export async function runLoad(origin: string, load: LoadRequest, seconds: number, connections: number): Promise<LoadResult> {
  const result = await autocannon({
    url: origin,
    connections,
    duration: seconds,
    requests: [
      {
        method: load.method,
        path: load.path,
        ...(load.body === undefined ? {} : { body: load.body }),
        ...(load.perRequest ? { setupRequest: (request: RequestParams) => ({ ...request, headers: load.headers(origin) }) } : { headers: load.headers(origin) }),
      },
    ],
  });
  const statuses: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[status] = count;
  const total = result.requests.total;
  return {
    rps: total / result.duration,
    ok: result['2xx'],
    statuses,
    errors: result.errors + result.timeouts,
    latencyP50Ms: result.latency.p50,
  };
}
