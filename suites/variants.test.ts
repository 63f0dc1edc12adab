import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Check } from '../src/runner/check.ts';
import { resolveSigner } from '../src/auth/resolve-signer.ts';
import { runCheck } from '../src/runner/run-check.ts';
import type { RuleOutcome } from '../src/results/rule-outcome.ts';
import { startMock } from '../src/mock/start-mock.ts';
import { findVariants, variantsOf } from '../src/mock/variants.ts';
import { loadVendorSpec, VENDORS, type Vendor } from '../src/openapi/index.ts';
import { TRUSTIST_CHECKS } from './trustist/checks.ts';
import { TRUSTLY_CHECKS } from './trustly/checks.ts';
import { startFaultReach } from './self-test/fault-reach.ts';

// The other half of the self-test: the mocks' doc-correct variants are servers that read the
// docs differently where the docs are silent. Against each, every rule must pass or be observed,
// never fail; where a rule records what the target chose, the record must name what it did.
// Few runs (3, as the self-test gives the rules a fault does not name): these choices show on
// the first request, not on rare data.
//
// Against a variant, a rule runs only if it could meet it: the run against the plain mock, at the
// same runs and seed, counts which variants' consulting spots in the mock's code each rule
// reached (self-test/fault-reach.ts). A rule that reached none of a variant's spots sends requests
// that take the same path through the variant as through the plain mock, where it passed (the
// first test below). CONFORM_VARIANTS_EVERY_RULE=1 runs every rule against every variant.

const CHECKS: Record<Vendor, Check[]> = { trustist: TRUSTIST_CHECKS, trustly: TRUSTLY_CHECKS };
const SEED = process.env.CONFORM_SEED ? Number(process.env.CONFORM_SEED) : randomInt(0, 2 ** 31 - 1);
const RUNS = 3;
const EVERY_RULE = process.env.CONFORM_VARIANTS_EVERY_RULE === '1';

interface SuiteOptions {
  fault?: string;
  rules?: string[];
  strict?: boolean;
  /** Called once the mock has started, and after each rule. */
  mark?: () => Promise<void>;
}

async function runSuite(vendor: Vendor, variants: string[], options: SuiteOptions = {}): Promise<Map<string, RuleOutcome>> {
  const mock = await startMock(vendor, { variants, env: {}, ...(options.fault ? { fault: options.fault } : {}) });
  try {
    await options.mark?.();
    const spec = await loadVendorSpec(vendor);
    const signer = await resolveSigner(vendor, undefined);
    const config = { vendor, baseUrl: mock.url, env: mock.credentials, seed: SEED, runs: RUNS, runId: `variants${SEED}`, signer, timeoutMs: 60_000, embedded: true, strict: options.strict ?? false };
    const outcomes = new Map<string, RuleOutcome>();
    for (const check of CHECKS[vendor]) {
      if (options.rules && !options.rules.includes(check.rule)) continue;
      outcomes.set(check.rule, await runCheck(check, spec, config));
      await options.mark?.();
    }
    return outcomes;
  } finally {
    await mock.close();
  }
}

/** The plain mock's run, and for each rule the variants whose spots it reached (the mock's start-up counts for all). */
async function runPlain(vendor: Vendor): Promise<{ outcomes: Map<string, RuleOutcome>; reach: Map<string, Set<string>>; unsited: string[] }> {
  const counter = await startFaultReach(variantsOf(vendor).map((v) => v.name));
  const outcomes = await runSuite(vendor, [], { mark: () => counter.mark() }).catch(async (error: unknown) => {
    await counter.finish();
    throw error;
  });
  const { stretches, unsited } = await counter.finish();
  const [startup, ...perRule] = stretches;
  return { outcomes, reach: new Map([...outcomes.keys()].map((rule, i) => [rule, new Set([...startup!, ...perRule[i]!])])), unsited };
}

/** Each vendor's plain run, once: every variant's suite waits for it, and nothing else runs while it counts. */
const plainRuns = new Map<Vendor, ReturnType<typeof runPlain>>();
const plainRun = (vendor: Vendor) => plainRuns.get(vendor) ?? plainRuns.set(vendor, runPlain(vendor)).get(vendor)!;

/** The rules to run against these variants: those that reached one of them in the plain run, and those whose observation is checked. */
async function rulesFor(vendor: Vendor, variants: string[]): Promise<string[] | undefined> {
  if (EVERY_RULE) return undefined;
  const { reach } = await plainRun(vendor);
  const observed = new Set(variants.flatMap((v) => (OBSERVATIONS[vendor][v] ?? []).map(([rule]) => rule)));
  return [...reach].filter(([rule, names]) => observed.has(rule) || variants.some((v) => names.has(v))).map(([rule]) => rule);
}

const notPassing = (outcomes: Map<string, RuleOutcome>) =>
  [...outcomes.values()].filter((o) => o.status === 'failed' || o.status === 'skipped').map((o) => `${o.id}: ${o.status} ${o.failure?.message ?? o.reason ?? ''}`);

const observed = (outcomes: Map<string, RuleOutcome>, rule: string) => JSON.stringify(outcomes.get(rule)?.observation ?? null);

/** What a rule's observation must say against a variant: the proof that the choice was seen, not just tolerated. */
const OBSERVATIONS: Record<Vendor, Record<string, [rule: string, says: RegExp][]>> = {
  trustist: {
    'errors-problem-json': [['trustist.auth.required', /application\/problem\+json/], ['trustist.permissions.read', /application\/problem\+json/]],
    'errors-text-plain': [['trustist.auth.required', /text\/plain/], ['trustist.customers.get.unknown', /text\/plain/]],
    'unauthorized-empty': [['trustist.auth.required', /"status":401,"pointer":"","message":"content type \\"\\"/]],
    'absent-as-null': [['trustist.customers.update.nested-address', /"received":null/], ['trustist.customers.get.round-trip', /"unsetFields":\["null"\]/]],
    'timestamps-offset': [['trustist.customers.get.round-trip', /"timeZone":\{"createCustomer":\["Z"\],"getCustomer":\["\+00:00"\]\}/]],
    // The wait before the empty update must follow the clock's step, not the digits written.
    'timestamps-whole-seconds': [['trustist.customers.get.round-trip', /"stampPrecision":"whole seconds"/], ['trustist.customers.update.empty-body', /"lastUpdatedMoved":true/]],
    'create-null-as-absent': [['trustist.customers.create.invalid-body', /"nullInOptionalFieldOnCreate":\["treated as absent"\]/]],
    'create-200': [['trustist.customers.create.schema', /"status":\[200\]/]],
    'merchant-key-403': [['trustist.auth.merchant-key-rejected', /"status":403/]],
    'list-wrapped': [['trustist.customers.list.shape', /"kind":"object","key":"customers"/]],
    'missing-person-data-422': [['trustist.kyc.missing-person-data', /"status":\[422\]/]],
    'address-update-merges': [['trustist.customers.update.nested-address', /"reading":"merge"/]],
  },
  trustly: {
    'absent-as-null': [['trustly.customers.enroll-date.default', /"received":null/], ['trustly.customers.get.round-trip', /"unsetFields":\["null"\]/]],
    'list-unfiltered-none': [['trustly.customers.list.unfiltered', /"answer":"none \(200\)"/]],
    'list-unfiltered-400': [['trustly.customers.list.unfiltered', /"answer":"refused \(400\)"/]],
    'list-no-match-404': [['trustly.customers.list.no-match', /"byExternalId":"404","byCustomerId":"404"/]],
    'external-id-case-insensitive': [['trustly.customers.external-id.case', /"listFilter":"ignores case","upsertKey":"ignores case"/]],
    'enroll-date-defaults-to-created': [['trustly.customers.enroll-date.default', /"enrollDate":"createdAt"/]],
    'upsert-unknown-customer-id-creates': [['trustly.customers.upsert.unknown-customer-id', /"status":200,"outcome":"created with a new customerId"/]],
  },
};

// A variant's suite spends much of its time waiting on its mock and on checks that wait for a
// clock to tick: vitest runs several at once (maxConcurrency), each against its own mock. The
// timeout bounds a hang on a crowded machine, where several suites share one slow core.
const SUITE_TIMEOUT_MS = 300_000;

describe.each(VENDORS)('%s doc-correct variants', (vendor) => {
  it.concurrent(`every rule passes or is observed against the plain mock, where every variant's spots are counted (seed ${SEED})`, { timeout: SUITE_TIMEOUT_MS }, async () => {
    const { outcomes, unsited } = await plainRun(vendor);
    expect(notPassing(outcomes)).toEqual([]);
    // A variant without a spot would count as never reached: every rule but the observed ones left out.
    expect(unsited).toEqual([]);
  });

  it.concurrent.each(variantsOf(vendor).map((v) => [v.name] as const))(`every rule passes or is observed against the variant %s (seed ${SEED})`, { timeout: SUITE_TIMEOUT_MS }, async (name) => {
    const rules = await rulesFor(vendor, [name]);
    const outcomes = await runSuite(vendor, [name], rules ? { rules } : {});
    expect(notPassing(outcomes)).toEqual([]);
    for (const [rule, says] of OBSERVATIONS[vendor][name] ?? []) expect(observed(outcomes, rule), `${rule}'s observation against ${name}`).toMatch(says);
  });

  it.concurrent(`every rule passes or is observed with one variant of each group at once (seed ${SEED})`, { timeout: SUITE_TIMEOUT_MS }, async () => {
    const groups = new Map<string, string>();
    for (const v of variantsOf(vendor)) if (!groups.has(v.group)) groups.set(v.group, v.name);
    const rules = await rulesFor(vendor, [...groups.values()]);
    expect(notPassing(await runSuite(vendor, [...groups.values()], rules ? { rules } : {}))).toEqual([]);
  });
});

describe('variants and faults', () => {
  it('refuses two variants of one group, naming both', () => {
    expect(() => findVariants('trustly', ['list-unfiltered-none', 'list-unfiltered-400'])).toThrow(/list-unfiltered-none.*list-unfiltered-400.*pick one/);
    expect(() => findVariants('trustist', ['no-such-variant'])).toThrow(/unknown trustist variant "no-such-variant"; valid: /);
  });

  it('a fault is still caught under a variant: get-unknown-400 with problem+json errors fails get.unknown', async () => {
    const outcomes = await runSuite('trustist', ['errors-problem-json'], { fault: 'get-unknown-400', rules: ['trustist.customers.get.unknown'] });
    expect(outcomes.get('trustist.customers.get.unknown')?.status).toBe('failed');
  });

  it('strict mode fails the drift a variant shows: a text/plain 401 fails auth.required', async () => {
    const outcomes = await runSuite('trustist', ['errors-text-plain'], { rules: ['trustist.auth.required'], strict: true });
    expect(outcomes.get('trustist.auth.required')?.failure?.message).toMatch(/departs from the spec \(strict mode\).*text\/plain/);
  });
});
