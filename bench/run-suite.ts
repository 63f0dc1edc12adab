import type { Check } from '../src/runner/check.ts';
import { resolveSigner } from '../src/auth/resolve-signer.ts';
import { runCheck } from '../src/runner/run-check.ts';
import { loadVendorSpec, type Vendor } from '../src/openapi/index.ts';

/**
 * A vendor's checks, found where the suite keeps them (suites/<vendor>/checks.ts), the way
 * `conform run` finds the suite files: by location, at run time. Nothing outside suites/ compiles
 * them in (.ci/dependency-cruiser.cjs), so the suites stay free to change.
 */
async function suiteChecks(vendor: Vendor): Promise<Check[]> {
  const url = new URL(`../suites/${vendor}/checks.ts`, import.meta.url);
  const module = (await import(url.href)) as Record<string, unknown>;
  const checks = module[`${vendor.toUpperCase()}_CHECKS`];
  if (!Array.isArray(checks)) throw new Error(`${url.pathname} exports no ${vendor.toUpperCase()}_CHECKS array of checks`);
  return checks as Check[];
}

/** Where the suite sends its requests: a mock's URL and the credential variables it accepts. */
export interface SuiteTarget {
  url: string;
  credentials: Record<string, string>;
}

export interface SuiteRun {
  /** Sum of every rule's exchangeCount. */
  exchanges: number;
  wallMs: number;
  failed: string[];
}

/**
 * The whole conformance suite of a vendor against a running mock, in process, the way the
 * self-test runs it (suites/self-test/): every check through runCheck, one after another.
 */
export async function runSuite(vendor: Vendor, mock: SuiteTarget, seed: number, runs: number): Promise<SuiteRun> {
  const spec = await loadVendorSpec(vendor);
  const signer = await resolveSigner(vendor, undefined);
  const config = { vendor, baseUrl: mock.url, env: mock.credentials, seed, runs, runId: `bench${seed}`, signer, timeoutMs: 10_000, embedded: true };
  let exchanges = 0;
  const failed: string[] = [];
  const checks = await suiteChecks(vendor);
  const started = performance.now();
  for (const check of checks) {
    const outcome = await runCheck(check, spec, config);
    exchanges += outcome.exchangeCount;
    if (outcome.status === 'failed' || outcome.status === 'skipped') failed.push(`${outcome.id}: ${outcome.status}`);
  }
  return { exchanges, wallMs: performance.now() - started, failed };
}
