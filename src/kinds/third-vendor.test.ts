import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../runner/run-check.ts';
import type { RuleOutcome } from '../results/rule-outcome.ts';
import { listenTestServer } from '../testing/listen-test-server.ts';
import { loadVendorSpecFile } from '../openapi/vendor-spec.ts';
import { kindChecks } from './kinds.ts';

// A vendor that no shared code knows of: its spec (x-conform and generic-kind rules) and a tiny
// in-memory server with switchable faults. The generic kinds alone must judge it: every rule
// passes on the correct server, and each fault fails exactly the rules it breaks.

const SPEC = fileURLToPath(new URL('./fixtures/minimal/customers.openapi.yaml', import.meta.url));
const ACCOUNTS: Record<string, { id: string; secret: string }> = { A: { id: 'key-a', secret: 'secret-a' }, B: { id: 'key-b', secret: 'secret-b' } };
type Fault = 'partial' | 'isolation' | 'null-ignored' | 'no-auth' | 'any-secret' | 'stale-stamp';

/** The minimal clients API, by hand from its (imagined) docs: nothing here reads the spec. */
function minimalServer(fault?: Fault) {
  const clients = new Map<string, Record<string, unknown>>();
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const accountOf = (req: IncomingMessage): string | undefined => {
    const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Basic' || !encoded) return fault === 'no-auth' ? 'A' : undefined;
    const [id, secret] = Buffer.from(encoded, 'base64').toString('utf8').split(':');
    return Object.entries(ACCOUNTS).find(([, key]) => key.id === id && (key.secret === secret || fault === 'any-secret'))?.[0];
  };
  return createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    const account = accountOf(req);
    if (!account) return send(res, 401, { error: 'unauthorized' });
    const url = new URL(req.url ?? '/', 'http://x');
    let body: Record<string, unknown> = {};
    if (text !== '') {
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return send(res, 400, { error: 'malformed JSON' });
      }
    }
    if (url.pathname === '/v2/clients' && req.method === 'POST') {
      const now = Date.now();
      const client = { ...body, clientId: randomBytes(9).toString('base64url'), accountId: account, createdAt: now, updatedAt: now };
      clients.set(client.clientId, client);
      return send(res, 201, client);
    }
    if (url.pathname === '/v2/clients' && req.method === 'GET') {
      const ref = url.searchParams.get('ref');
      return send(res, 200, { items: [...clients.values()].filter((c) => c.accountId === account && (ref === null || c.ref === ref)) });
    }
    const id = /^\/v2\/clients\/([^/]+)$/.exec(url.pathname)?.[1];
    const client = id === undefined ? undefined : clients.get(decodeURIComponent(id));
    if (!client || (client.accountId !== account && !(fault === 'isolation' && req.method === 'GET'))) return send(res, 404, { error: 'not found' });
    if (req.method === 'GET') return send(res, 200, client);
    if (req.method !== 'PATCH') return send(res, 405, { error: 'method not allowed' });
    const { clientId, accountId, createdAt } = client;
    const next: Record<string, unknown> = fault === 'partial' ? { clientId, accountId, createdAt } : { ...client };
    for (const [field, value] of Object.entries(body)) {
      if (field === 'clientId' || field === 'accountId' || field === 'createdAt' || field === 'updatedAt') continue;
      if (value === null && fault !== 'null-ignored') delete next[field];
      else if (value !== null) next[field] = value;
    }
    next.updatedAt = fault === 'stale-stamp' ? client.updatedAt : Math.max(Date.now(), Number(client.updatedAt) + 1);
    clients.set(String(clientId), next);
    return send(res, 200, next);
  });
}

async function judge(fault?: Fault): Promise<RuleOutcome[]> {
  const server = await listenTestServer(minimalServer(fault));
  try {
    const spec = await loadVendorSpecFile(SPEC);
    const env = { MINIMAL_KEY_ID: ACCOUNTS.A!.id, MINIMAL_KEY_SECRET: ACCOUNTS.A!.secret, MINIMAL_B_KEY_ID: ACCOUNTS.B!.id, MINIMAL_B_KEY_SECRET: ACCOUNTS.B!.secret };
    const config = { vendor: spec.spec.vendor, baseUrl: server.url, env, seed: 42, runs: 15, runId: `minimal-${fault ?? 'correct'}`, timeoutMs: 5000, embedded: true, shrinkBudget: 10 };
    const outcomes: RuleOutcome[] = [];
    for (const check of kindChecks(spec)) outcomes.push(await runCheck(check, spec, config));
    return outcomes;
  } finally {
    await server.close();
  }
}

const failed = (outcomes: RuleOutcome[]) => outcomes.filter((o) => o.status === 'failed').map((o) => o.id).sort();

describe('a third vendor added as a spec only, judged by the generic kinds', () => {
  it('has a generic check for every rule of its catalogue', async () => {
    const spec = await loadVendorSpecFile(SPEC);
    expect(spec.conform.vendor).toBe('minimal');
    expect(kindChecks(spec).map((c) => c.rule).sort()).toEqual(spec.rules.map((r) => r.id).sort());
  });

  it('passes every rule on the correct server', async () => {
    const outcomes = await judge();
    expect(outcomes.filter((o) => o.status !== 'passed').map((o) => `${o.id}: ${o.status} ${o.failure?.message ?? o.reason ?? ''}`)).toEqual([]);
    expect(outcomes.find((o) => o.id === 'minimal.clients.update.partial')?.runs?.executed).toBe(15);
  }, 60_000);

  it.each([
    ['partial', ['minimal.clients.update.partial']],
    ['isolation', ['minimal.accounts.isolated']],
    ['null-ignored', ['minimal.clients.update.null-clears']],
    ['no-auth', ['minimal.auth.required']],
    ['any-secret', ['minimal.auth.bad-credentials']],
    ['stale-stamp', ['minimal.clients.timestamps']],
  ] as [Fault, string[]][])('catches the fault %s on exactly the rules it breaks', async (fault, rules) => {
    const outcomes = await judge(fault);
    expect(failed(outcomes)).toEqual(rules);
    const failure = outcomes.find((o) => o.id === rules[0])!;
    expect(failure.failure?.message).toBeTruthy();
    expect(failure.counterexample ?? failure.failure?.received).toBeDefined();
  }, 60_000);
});
