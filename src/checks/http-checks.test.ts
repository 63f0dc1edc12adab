import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listenTestServer } from '../testing/listen-test-server.ts';
import { CheckContext } from '../runner/check-context.ts';
import type { RunConfig } from '../runner/run-config.ts';
import { RuleFailure, RuleIncomplete } from '../runner/rule-failure.ts';
import { HttpSession } from '../http/http-session.ts';
import { sendPlain } from './send-as-documented.ts';
import { isServerError, serverErrorsOf, tallyKey } from '../runner/server-error-tally.ts';
import type { Exchange } from '../http/exchange.ts';
import { loadVendorSpec } from '../openapi/index.ts';
import { documentedOperations, fillPath, undocumentedMethods } from './documented-operations.ts';
import { noServerErrorCheck, type SampleRequest } from './no-server-error.ts';
import { unsupportedMethodCheck } from './unsupported-method.ts';

// The generic HTTP checks against scripted targets: no server, just answers chosen per request,
// so each test shows one way a target passes or fails.

let runs = 0;
async function contextFor(rule: string): Promise<CheckContext> {
  const config: RunConfig = {
    vendor: 'trustly',
    baseUrl: 'http://127.0.0.1:9',
    env: { TRUSTLY_ACCESS_ID: 'a', TRUSTLY_ACCESS_KEY: 'b' },
    seed: 7,
    runs: 10,
    // A run of its own per test: the tally is per run and target.
    runId: `http-checks-${++runs}`,
    timeoutMs: 1000,
    embedded: true,
  };
  return new CheckContext(rule, config, await loadVendorSpec('trustly'), 7);
}

function answer(method: string, url: string, status: number, headers: Record<string, string> = {}): Exchange {
  return { request: { method, url, headers: {} }, response: { status, headers, body: '{}', json: {} }, durationMs: 1 };
}

describe('documentedOperations and undocumentedMethods', () => {
  it('read every operation of the spec, with its parameters and body schema', async () => {
    const { spec } = await loadVendorSpec('trustly');
    const ops = documentedOperations(spec);
    expect(ops.map((o) => `${o.method} ${o.path}`).sort()).toEqual([
      'GET /api/v1/customers',
      'GET /api/v1/customers/{customerId}',
      'POST /api/v1/customers',
      'POST /api/v1/customers/{customerId}',
    ]);
    const update = ops.find((o) => o.operationId === 'updateCustomer')!;
    expect(update.pathParameters.map((p) => p.name)).toEqual(['customerId']);
    expect(update.requestSchema?.required).toEqual(['name', 'address', 'phone', 'email']);
    expect(ops.find((o) => o.operationId === 'listCustomers')!.queryParameters.map((p) => p.name)).toEqual(['externalId', 'customerId']);
    expect(undocumentedMethods(spec)).toEqual([
      { path: '/api/v1/customers', methods: ['PUT', 'PATCH', 'DELETE'] },
      { path: '/api/v1/customers/{customerId}', methods: ['PUT', 'PATCH', 'DELETE'] },
    ]);
  });

  it('fill a path template, percent-encoding the values', () => {
    expect(fillPath('/c/{id}', { id: 'a/b c' })).toBe('/c/a%2Fb%20c');
    expect(() => fillPath('/c/{id}', {})).toThrow('no value for the path parameter {id}');
  });
});

describe('isServerError', () => {
  it('counts every 5xx but a 503 that asks to be retried', () => {
    expect(isServerError(answer('GET', 'http://x/', 500))).toBe(true);
    expect(isServerError(answer('GET', 'http://x/', 503))).toBe(true);
    expect(isServerError(answer('GET', 'http://x/', 503, { 'retry-after': '1' }))).toBe(false);
    expect(isServerError(answer('GET', 'http://x/', 404))).toBe(false);
  });
});

describe('noServerErrorCheck', () => {
  const options = (send: (r: SampleRequest) => Exchange) => ({
    pathValues: { customerId: ['1000000001'] },
    prepareBody: (_: string, body: unknown) => body,
    send: async (request: SampleRequest) => send(request),
  });

  it('passes a target that never answers 5xx, having tried every operation', async () => {
    const ctx = await contextFor('trustly.http.no-server-error');
    const seen = new Set<string>();
    await noServerErrorCheck(ctx, options((r) => (seen.add(r.operationId), answer(r.method, r.path, 400))));
    expect([...seen].sort()).toEqual(['createOrUpdateCustomer', 'getCustomer', 'listCustomers', 'updateCustomer']);
  });

  it('fails on a 5xx of its own sample, shrunk to the request that caused it', async () => {
    const ctx = await contextFor('trustly.http.no-server-error');
    const run = noServerErrorCheck(ctx, options((r) => answer(r.method, r.path, r.auth === 'none' ? 500 : 200)));
    await expect(run).rejects.toBeInstanceOf(RuleFailure);
    await expect(run).rejects.toThrow(/none credentials\) answered 500/);
  });

  it('fails on a 5xx another check of the same run met', async () => {
    const other = await contextFor('trustly.customers.get.round-trip');
    other.record(answer('GET', 'http://127.0.0.1:9/api/v1/customers/1', 502));
    const ctx = new CheckContext('trustly.http.no-server-error', other.config, other.spec, 7);
    expect(serverErrorsOf(tallyKey(ctx.config)).sightings).toHaveLength(1);
    await expect(noServerErrorCheck(ctx, options((r) => answer(r.method, r.path, 200)))).rejects.toThrow(/trustly.customers.get.round-trip\) with 502/);
  });
});

describe('sendPlain', () => {
  /** The paths a target under each base URL path receives for the given spec paths. */
  async function pathsSent(vendor: 'trustly' | 'trustist', basePaths: string[], specPath: string): Promise<string[]> {
    const seen: string[] = [];
    const server = await listenTestServer(createServer((req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    }));
    try {
      const spec = await loadVendorSpec(vendor);
      for (const base of basePaths) {
        const config: RunConfig = { vendor, baseUrl: `${server.url}${base}`, env: {}, seed: 7, runs: 1, runId: `send-plain-${++runs}`, timeoutMs: 5000, embedded: true };
        await sendPlain(new CheckContext(`${vendor}.http.no-server-error`, config, spec, 7), { method: 'GET', path: specPath });
      }
    } finally {
      await server.close();
    }
    return seen;
  }

  it('maps a Trustly spec path onto a base URL that may already end in its basePath /api/v1, as the kinds\' client does', async () => {
    expect(await pathsSent('trustly', ['', '/', '/api/v1', '/api/v1/', '/gw', '/gw/api/v1'], '/api/v1/customers/1?x=y')).toEqual([
      '/api/v1/customers/1?x=y',
      '/api/v1/customers/1?x=y',
      '/api/v1/customers/1?x=y',
      '/api/v1/customers/1?x=y',
      '/gw/api/v1/customers/1?x=y',
      '/gw/api/v1/customers/1?x=y',
    ]);
  });

  it('puts a Trustist spec path (its basePath is empty) under the base URL\'s path as it is, one ending in /v1 included', async () => {
    expect(await pathsSent('trustist', ['', '/gw', '/v1'], '/v1/customers')).toEqual(['/v1/customers', '/gw/v1/customers', '/v1/v1/customers']);
  });

  it('leaves the rule incomplete, not passed untried, when the run\'s deadline kept its request from being sent', async () => {
    const ctx = await contextFor('trustly.http.no-server-error');
    const late = new CheckContext(ctx.rule, { ...ctx.config, http: new HttpSession({ deadlineAt: 1 }) }, ctx.spec, ctx.seed);
    const sent = sendPlain(late, { method: 'GET', path: '/api/v1/customers' });
    await expect(sent).rejects.toBeInstanceOf(RuleIncomplete);
    await expect(sent).rejects.toThrow(/deadline/);
    expect(late.exchangeCount).toBe(1);
  });
});

describe('unsupportedMethodCheck', () => {
  const run = async (status: number, changes: boolean) => {
    const ctx = await contextFor('trustly.http.unsupported-method');
    let state = 0;
    const sent: string[] = [];
    await unsupportedMethodCheck(ctx, {
      pathValues: { customerId: '1000000001' },
      body: { name: 'x' },
      snapshot: async () => state,
      send: async ({ method, path }) => {
        sent.push(`${method} ${path}`);
        if (changes) state++;
        return answer(method, path, status);
      },
    });
    return sent;
  };

  it('tries every undocumented method on every path, and passes 404 or 405 that change nothing', async () => {
    expect(await run(405, false)).toEqual([
      'PUT /api/v1/customers',
      'PATCH /api/v1/customers',
      'DELETE /api/v1/customers',
      'PUT /api/v1/customers/1000000001',
      'PATCH /api/v1/customers/1000000001',
      'DELETE /api/v1/customers/1000000001',
    ]);
    await run(404, false);
  });

  it('fails a 2xx, and a refusal that still changed the state', async () => {
    await expect(run(200, false)).rejects.toThrow(/PUT \/api\/v1\/customers \(a method the spec does not give for this path\) answered 200/);
    await expect(run(405, true)).rejects.toThrow(/answered 405 but changed/);
  });
});
