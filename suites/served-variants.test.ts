import { describe, expect, it } from 'vitest';
import type { Check } from '../src/runner/check.ts';
import { resolveSigner } from '../src/auth/resolve-signer.ts';
import { runCheck } from '../src/runner/run-check.ts';
import type { RuleOutcome } from '../src/results/rule-outcome.ts';
import { startMock, type MockOptions } from '../src/mock/start-mock.ts';
import { loadVendorSpec, type Vendor } from '../src/openapi/index.ts';
import { TRUSTIST_CHECKS } from './trustist/checks.ts';
import { TRUSTLY_CHECKS } from './trustly/checks.ts';

// The correct mocks served the ways vendors and gateways serve their APIs, where the docs are
// silent: under a base path, with paged lists. Every rule passes (or is observed), as against the
// plain mock: the suite keeps the prefix on every request and in every signature, and reads
// every page of a list. Few runs, as against the doc-correct variants: how the mock is served
// shows on every request, not on rare data (the suite's records fill many pages either way).

const CHECKS: Record<Vendor, Check[]> = { trustist: TRUSTIST_CHECKS, trustly: TRUSTLY_CHECKS };
const SEED = 20261130;

async function runAll(vendor: Vendor, options: MockOptions, auth?: string): Promise<{ outcomes: RuleOutcome[]; url: string }> {
  const mock = await startMock(vendor, { env: {}, ...options });
  try {
    const spec = await loadVendorSpec(vendor);
    const signer = await resolveSigner(vendor, auth);
    const config = { vendor, baseUrl: mock.url, env: mock.credentials, seed: SEED, runs: 3, runId: `variant${SEED}`, signer, timeoutMs: 5000, embedded: false, ...(auth ? { auth } : {}) };
    const outcomes: RuleOutcome[] = [];
    for (const check of CHECKS[vendor]) outcomes.push(await runCheck(check, spec, config));
    return { outcomes, url: mock.url };
  } finally {
    await mock.close();
  }
}

const notPassing = (outcomes: RuleOutcome[]) =>
  outcomes.filter((o) => o.status !== 'passed' && o.status !== 'observed').map((o) => `${o.id}: ${o.status} ${o.failure?.message ?? o.reason ?? ''}`);

describe('the suite against correct mocks served as vendors serve', () => {
  it('Trustist under a base path, Hawk-signed, with lists paged twenty at a time by Link headers: every rule passes', { timeout: 600_000 }, async () => {
    const { outcomes, url } = await runAll('trustist', { basePath: '/some/prefix', pageSize: 20 });
    expect(url).toMatch(/\/some\/prefix$/);
    expect(notPassing(outcomes)).toEqual([]);
    // Every request carried the prefix.
    for (const o of outcomes) for (const e of o.exchanges) expect(new URL(e.request.url).pathname, o.id).toMatch(/^\/some\/prefix\//);
    // And lists were read past their first page (a rule's report keeps its last exchanges only).
    expect(outcomes.some((o) => o.exchanges.some((e) => /[?&]page=(?!1\b)\d+/.test(e.request.url)))).toBe(true);
  });

  it('Trustist under a base path, HMAC-SHA256-signed: every rule passes but the Hawk rules, which skip saying why', { timeout: 600_000 }, async () => {
    const { outcomes } = await runAll('trustist', { basePath: '/gw/trustist/', auth: 'hmac-sha256' }, 'hmac-sha256');
    const hawkOnly = ['trustist.auth.payload-hash', 'trustist.auth.replay'];
    expect(notPassing(outcomes.filter((o) => !hawkOnly.includes(o.id)))).toEqual([]);
    for (const id of hawkOnly) expect(outcomes.find((o) => o.id === id)).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/hmac-sha256.*Hawk rule/) });
  });

  it('Trustly under a base path: every rule passes', { timeout: 600_000 }, async () => {
    const { outcomes } = await runAll('trustly', { basePath: '/some/prefix' });
    expect(notPassing(outcomes)).toEqual([]);
    for (const o of outcomes) for (const e of o.exchanges) expect(new URL(e.request.url).pathname, o.id).toMatch(/^\/some\/prefix\/api\/v1\//);
  });
});
