import { createServer } from 'node:http';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { hawkSigner } from '../auth/hawk-signer.ts';
import { HttpSession } from '../http/http-session.ts';
import { listenTestServer, type TestServer } from '../testing/listen-test-server.ts';
import { loadVendorSpec } from '../openapi/index.ts';
import { OperationClient } from '../kinds/operation-client.ts';
import type { Check } from './check.ts';
import { DEFAULT_TIME_CAP_MS, propertyTimeCapMs, runProperty } from './property.ts';
import type { RunConfig } from './run-config.ts';
import { RuleIncomplete } from './rule-failure.ts';
import { runCheck } from './run-check.ts';

// What may not pass: a property that made fewer runs than asked, a rule the deadline or a lasting
// 429 stopped, a run whose own key the target started to refuse.

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const check = (rule: string, run: Check['run']): Check => ({ rule, area: 'test', run });
const env = { TRUSTIST_KEY_ID: 'id-a', TRUSTIST_KEY_SECRET: 'secret-a', TRUSTIST_READONLY_KEY_ID: 'id-r', TRUSTIST_READONLY_KEY_SECRET: 'secret-r' };

async function configAgainst(answer: (url: string, authorization: string) => { status: number; body?: unknown; headers?: Record<string, string> }): Promise<RunConfig> {
  server = await listenTestServer(
    createServer((req, res) => {
      const { status, body, headers } = answer(req.url ?? '', String(req.headers.authorization ?? ''));
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body === undefined ? '' : JSON.stringify(body));
    }),
  );
  return { vendor: 'trustist', baseUrl: server.url, env, seed: 3, runs: 20, runId: 'inc', timeoutMs: 2000, embedded: false, signer: hawkSigner };
}

describe('runProperty', () => {
  it('reports a property stopped by RuleIncomplete with the runs it made, never as passed', async () => {
    let runs = 0;
    let told: unknown;
    const stopped = await runProperty(
      fc.nat(),
      async () => {
        if (++runs > 7) throw new RuleIncomplete('run deadline reached (--deadline)');
      },
      { seed: 1, numRuns: 30, onRuns: (r) => (told = r) },
    ).then(() => undefined, (e: unknown) => e as RuleIncomplete);
    expect(stopped).toBeInstanceOf(RuleIncomplete);
    expect(stopped!.runs).toEqual({ requested: 30, executed: 7 });
    expect(told).toEqual({ requested: 30, executed: 7 });
  });

  it('ends a stopped property at once: no value drawn after the run that stopped it but one', async () => {
    let runs = 0;
    let drawn = 0;
    const stopped = await runProperty(
      fc.nat().map((n) => (drawn++, n)),
      async () => {
        if (++runs > 7) throw new RuleIncomplete('run deadline reached (--deadline)');
      },
      { seed: 1, numRuns: 1_000_000, msToDeadline: 60_000 },
    ).then(() => undefined, (e: unknown) => e as RuleIncomplete);
    expect(stopped).toBeInstanceOf(RuleIncomplete);
    expect(stopped!.runs).toEqual({ requested: 1_000_000, executed: 7 });
    // The 8th run stopped it, the 9th ended it (fast-check's shrink candidates of it pass at once).
    expect(drawn).toBeLessThan(50);
  });

  it('reports a property its time cap stopped as incomplete, with the runs it made', async () => {
    const stopped = await runProperty(fc.nat(), () => new Promise<void>((resolve) => setTimeout(resolve, 30)), { seed: 1, numRuns: 1000, timeCapMs: 200 }).then(
      () => undefined,
      (e: unknown) => e as RuleIncomplete,
    );
    expect(stopped).toBeInstanceOf(RuleIncomplete);
    expect(stopped!.message).toMatch(/time cap/);
    expect(stopped!.runs!.requested).toBe(1000);
    expect(stopped!.runs!.executed).toBeLessThan(1000);
  });

  it('stretches the time cap for a rate cap or a slow target, never below the default', () => {
    expect(propertyTimeCapMs(30, undefined, 5)).toBe(DEFAULT_TIME_CAP_MS);
    expect(propertyTimeCapMs(30, 1, 5)).toBeGreaterThan(DEFAULT_TIME_CAP_MS);
    expect(propertyTimeCapMs(30, undefined, 2000)).toBeGreaterThan(propertyTimeCapMs(30, undefined, 200));
  });
});

describe('runCheck and incomplete rules', () => {
  it('a rule whose property the deadline cut short is incomplete, with runs executed/requested', async () => {
    const config = await configAgainst(() => ({ status: 404, body: { error: 'not_found', message: 'no' } }));
    const spec = await loadVendorSpec('trustist');
    let sent = 0;
    // The session's clock passes the deadline as the fifth run starts.
    const deadlineAt = 2 ** 40;
    const http = new HttpSession({ deadlineAt }, () => (sent >= 5 ? deadlineAt : 0));
    const outcome = await runCheck(
      check('trustist.customers.get.unknown', async (ctx) => {
        const a = new OperationClient(ctx, 'tenantA');
        await ctx.property(fc.uuid(), async (id) => {
          ++sent;
          await a.get(id);
        });
      }),
      spec,
      { ...config, http },
    );
    expect(outcome.status).toBe('incomplete');
    expect(outcome.reason).toMatch(/run deadline reached/);
    expect(outcome.runs).toEqual({ requested: 20, executed: 4 });
  });

  it('a 429 that outlasts the retries makes the rule incomplete (rate limited), not failed', async () => {
    const config = await configAgainst(() => ({ status: 429, headers: { 'retry-after': '0' } }));
    const spec = await loadVendorSpec('trustist');
    const http = new HttpSession({ backoffBaseMs: 1 });
    const outcome = await runCheck(check('trustist.customers.get.unknown', async (ctx) => void (await new OperationClient(ctx, 'tenantA').get('x'))), spec, { ...config, http });
    expect(outcome.status).toBe('incomplete');
    expect(outcome.reason).toMatch(/^rate limited/);
  });

  it('a 401 to one request while the key still works (the probe of a made-up id gets 404) is the rule\'s to judge, not a stop', async () => {
    const config = { ...(await configAgainst((url) => (url.includes('conform-probe-') ? { status: 404, body: { error: 'not_found', message: 'no' } } : { status: 401, body: { error: 'unauthorized', message: 'no' } }))), http: new HttpSession() };
    const spec = await loadVendorSpec('trustist');
    const outcome = await runCheck(check('trustist.customers.get.unknown', async (ctx) => void (await new OperationClient(ctx, 'tenantA').get('x'))), spec, config);
    expect(outcome.refusedCredential).toBeUndefined();
    expect(outcome.status).toBe('passed');
    expect(config.http.stopped).toBeUndefined();
  });

  it('a 401 to the configured key stops the run naming the variable; a key used beyond its permissions does not', async () => {
    // One session for the run, as register-checks hands every check of a worker.
    const config = { ...(await configAgainst(() => ({ status: 401, body: { error: 'unauthorized', message: 'no' } }))), http: new HttpSession() };
    const spec = await loadVendorSpec('trustist');
    // The read-only key creating: the docs allow 401 there, so it is the rule's to judge.
    const beyond = await runCheck(check('trustist.permissions.create', async (ctx) => void (await new OperationClient(ctx, 'readonly').create({}))), spec, config);
    expect(beyond.refusedCredential).toBeUndefined();
    expect(config.http.stopped).toBeUndefined();
    const refused = await runCheck(check('trustist.customers.get.unknown', async (ctx) => void (await new OperationClient(ctx, 'tenantA').get('x'))), spec, config);
    expect(refused.status).toBe('incomplete');
    expect(refused.refusedCredential).toBe('TRUSTIST_KEY_ID');
    expect(config.http.stopped).toMatch(/TRUSTIST_KEY_ID/);
    // Nothing more is sent: the next rule is incomplete without a request.
    const connections = server!.connections;
    const next = await runCheck(check('trustist.customers.get.round-trip', async (ctx) => void (await new OperationClient(ctx, 'tenantA').get('y'))), spec, config);
    expect(next.status).toBe('incomplete');
    expect(next.reason).toMatch(/run stopped/);
    expect(server!.connections).toBe(connections);
  });
});
