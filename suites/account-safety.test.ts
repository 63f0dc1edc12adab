import { createServer, request, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveSigner } from '../src/auth/resolve-signer.ts';
import { runCheck } from '../src/runner/run-check.ts';
import { listenTestServer, type TestServer } from '../src/testing/listen-test-server.ts';
import { startMock, type RunningMock } from '../src/mock/start-mock.ts';
import { loadVendorSpec, type Vendor } from '../src/openapi/index.ts';
import { TRUSTIST_CHECKS } from './trustist/checks.ts';
import { TRUSTLY_CHECKS } from './trustly/checks.ts';

// A vendor with lock-out counts failed logins per key: the wrong-credential rules must send
// made-up key ids wherever the rule allows, and only a handful of refused requests with the
// account's real one. A proxy in front of the mock counts them.

interface Seen {
  authorization: string;
  status: number;
}

let mock: RunningMock | undefined;
let proxy: TestServer | undefined;
afterEach(async () => {
  await proxy?.close();
  await mock?.close();
  proxy = mock = undefined;
});

async function countingProxy(target: string): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      seen.push({ authorization: String(req.headers.authorization ?? ''), status: answer.statusCode ?? 0 });
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(forward);
  });
  proxy = await listenTestServer(server);
  return { url: proxy.url, seen };
}

/** The key id an Authorization header names: Hawk id="...", HMAC Credential=..., Basic user. */
function keyIdOf(authorization: string): string | undefined {
  const hawk = /\bid="([^"]*)"/.exec(authorization);
  if (hawk) return hawk[1];
  const hmac = /Credential=([^,\s]+)/.exec(authorization);
  if (hmac) return hmac[1];
  const basic = /^Basic\s+(\S+)$/i.exec(authorization);
  if (basic) return Buffer.from(basic[1]!, 'base64').toString('utf8').split(':')[0];
  return undefined;
}

async function refusedWithRealId(vendor: Vendor, rules: string[], idVar: string, auth?: 'hmac-sha256'): Promise<Record<string, number>> {
  mock = await startMock(vendor, { env: {}, ...(auth ? { auth } : {}) });
  const { url, seen } = await countingProxy(mock.url);
  const spec = await loadVendorSpec(vendor);
  const signer = await resolveSigner(vendor, auth);
  const checks = (vendor === 'trustist' ? TRUSTIST_CHECKS : TRUSTLY_CHECKS).filter((c) => rules.includes(c.rule));
  expect(checks.map((c) => c.rule).sort()).toEqual([...rules].sort());
  const counts: Record<string, number> = {};
  for (const check of checks) {
    const before = seen.length;
    const outcome = await runCheck(check, spec, { vendor, baseUrl: url, env: mock.credentials, seed: 5, runs: 30, runId: 'safety', signer, timeoutMs: 5000, embedded: false, ...(auth ? { auth } : {}) });
    expect(outcome.status, `${check.rule}: ${outcome.failure?.message ?? outcome.reason ?? ''}`).toBe('passed');
    counts[check.rule] = seen.slice(before).filter((s) => s.status === 401 && keyIdOf(s.authorization) === mock!.credentials[idVar]).length;
  }
  return counts;
}

/** Trustly's wrong-credential rule sends at most four refused requests with the real accessId (README). */
const REAL_ID_ATTEMPTS = 4;

describe('wrong-credential rules and the account\'s real key id', () => {
  it('Trustist (Hawk): at most five refused requests with the real key id per rule', { timeout: 120_000 }, async () => {
    const counts = await refusedWithRealId('trustist', ['trustist.auth.required', 'trustist.auth.bad-signature', 'trustist.auth.unknown-key'], 'TRUSTIST_KEY_ID');
    for (const [rule, count] of Object.entries(counts)) expect(count, rule).toBeLessThanOrEqual(5);
    expect(counts['trustist.auth.bad-signature']).toBeGreaterThan(0);
    expect(counts['trustist.auth.unknown-key']).toBe(0);
  });

  it('Trustly: at most a handful of refused requests with the real accessId, however many runs', { timeout: 120_000 }, async () => {
    const counts = await refusedWithRealId('trustly', ['trustly.auth.required', 'trustly.auth.bad-credentials'], 'TRUSTLY_ACCESS_ID');
    expect(counts['trustly.auth.bad-credentials']).toBeGreaterThan(0);
    expect(counts['trustly.auth.bad-credentials']).toBeLessThanOrEqual(REAL_ID_ATTEMPTS);
    expect(counts['trustly.auth.required']).toBe(0);
  });
});
