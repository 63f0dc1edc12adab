import type { Check } from '../src/harness/check.ts';
import { resolveSigner } from '../src/harness/resolve-signer.ts';
import { runCheck } from '../src/harness/run-check.ts';
import { loadVendorSpec, type Vendor } from '../src/openapi/index.ts';
import { TRUSTIST_CHECKS } from '../suites/trustist/checks.ts';
import { TRUSTLY_CHECKS } from '../suites/trustly/checks.ts';

const CHECKS: Record<Vendor, Check[]> = { trustist: TRUSTIST_CHECKS, trustly: TRUSTLY_CHECKS };

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
  const started = performance.now();
  for (const check of CHECKS[vendor]) {
    const outcome = await runCheck(check, spec, config);
    exchanges += outcome.exchangeCount;
    if (outcome.status === 'failed' || outcome.status === 'skipped') failed.push(`${outcome.id}: ${outcome.status}`);
  }
  return { exchanges, wallMs: performance.now() - started, failed };
}
