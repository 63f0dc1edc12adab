import '../pact/no-tracking.ts';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { KeyCredentials } from '../auth/signer.ts';
import { startMock, type RunningMock } from '../mock/start-mock.ts';
import { checkPact } from '../pact/check-pact.ts';
import { PactFileError, readPact, vendorOfPact, type Pact } from '../pact/read-pact.ts';
import { summariseVerification, verificationPasses, VERIFICATION_VERSION, type PactVerification, type VerificationDocument } from '../pact/verification-report.ts';
import { verifyPacts } from '../pact/verify-pacts.ts';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';
import { SpecError } from '../openapi/load-spec.ts';
import { VENDORS, type Vendor } from '../openapi/vendors.ts';
import { requiredRole } from '../openapi/x-conform.ts';
import { PACT_PROVIDERS } from '../pact/pact-providers.ts';
import { selectVendors } from './rules-command.ts';
import { checkAuthFlag, integer } from './run-options.ts';
import { assertReachable, assertTargetAllowed, parseTargetFlag } from './target-guard.ts';
import { UsageError } from './usage-error.ts';
import { assertOutputDir } from './output-dir.ts';

export const PACT_HELP = `conform pact verify [--vendor ${PACT_PROVIDERS.map((p) => p.vendor).join('|')}|all] [--pact-dir DIR] [--target URL]
                    [--auth hawk|hmac-sha256] [--report-dir DIR] [--allow-production] [--timeout MS]
conform pact check <pact.json ...>

verify  Verify Pact contracts (consumer pacts for the providers <vendor>-customers, e.g.
        trustist-customers) with Pact's Verifier. Every request is signed on its way (with the
        vendor's default scheme, or the one --auth names) and every provider state is set
        up through the vendor's own API. Without --target, each vendor's embedded reference mock
        is started and is the target. Without --pact-dir, the project's own pacts (those of
        conform-example-app, src/pact) are generated first and verified.
        Credentials come from the environment, as for conform run: each vendor's required key
        (the required role of x-conform credentials in its spec; the README lists them).
        Provider states conform sets up:
${PACT_PROVIDERS.map((p) => stateLines(p.vendor, Object.keys(p.states))).join('\n')}

  --vendor V          ${PACT_PROVIDERS.map((p) => p.vendor).join(', ')} or all (default all; --target needs one vendor)
  --pact-dir DIR      verify the pact files (*.json) in DIR; each is matched to its vendor by its
                      provider name, or by its paths (those under the prefix its spec's paths share,
                      e.g. /api/v1/... is Trustly)
  --target URL        the vendor's base URL, e.g. https://api-sandbox.trustistecommerce.com
  --auth SCHEME       for a vendor whose spec offers several signature schemes (x-conform auth):
                      one of them, e.g. hawk (the default) or hmac-sha256
  --report-dir DIR    where the outcome goes: DIR/pact/verification.json (default reports/latest)
  --allow-production  allow a target that is not loopback or a known sandbox host
  --timeout MS        per-request timeout (default 10000)

check   Check each interaction of the given pact files against the vendor's OpenAPI spec,
        offline: documented path and method, query and path parameters, the request body, the
        response status (every status a status matcher allows) and the response body. Each
        rejection names the interaction and the field (a JSON pointer).

Exit codes: 0 every interaction passed, 1 an interaction failed verification or the check,
2 usage, configuration or connection error (e.g. a missing pact file).`;

/** A vendor's provider states for the help, wrapped under one another at about 100 columns. */
function stateLines(vendor: Vendor, states: string[]): string {
  const indent = ' '.repeat(20);
  const lines = [`          ${`${vendor}:`.padEnd(10)}`];
  for (const [i, state] of states.entries()) {
    const item = `"${state}"${i < states.length - 1 ? ',' : ''}`;
    const last = lines.length - 1;
    if (lines[last]!.trim().endsWith(':') || lines[last]!.length + item.length + 1 <= 100) lines[last] += `${lines[last]!.endsWith(' ') ? '' : ' '}${item}`;
    else lines.push(`${indent}${item}`);
  }
  return lines.join('\n');
}

/** The variables of the vendor's required key (x-conform), the one the verification signs with. */
async function requiredCredentials(vendor: Vendor): Promise<[string, string]> {
  const [, role] = requiredRole((await loadVendorSpec(vendor)).conform);
  return [role.idVar, role.secretVar];
}

/** Whether the vendor's spec offers a choice of auth scheme, so that --auth is passed on to it. */
async function takesAuth(vendor: Vendor): Promise<boolean> {
  return (await loadVendorSpec(vendor)).conform.auth.schemes.length > 1;
}

type Out = (line: string) => void;

export async function pactCommand(args: string[], out: Out, err: Out = console.error): Promise<number> {
  try {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
      out(PACT_HELP);
      return sub === undefined ? 2 : 0;
    }
    if (sub === 'verify') return await verifyCommand(rest, out);
    if (sub === 'check') return await checkCommand(rest, out);
    throw new UsageError(`unknown pact subcommand "${sub}"; use verify or check (conform pact --help)`);
  } catch (error) {
    if (error instanceof UsageError || error instanceof PactFileError || error instanceof SpecError || isParseArgsError(error)) {
      err(`conform: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}

async function checkCommand(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  if (values.help) {
    out(PACT_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('conform pact check needs at least one pact file');
  // Read every file first: a missing or unreadable one is a usage error before any check runs.
  const pacts = await Promise.all(positionals.map((file) => readPact(file)));
  let rejected = 0;
  for (const pact of pacts) {
    const vendor = await vendorFor(pact);
    const findings = checkPact(pact, await loadVendorSpec(vendor));
    out(`${pact.file}: ${pact.consumer} -> ${pact.provider} (${vendor}), ${pact.interactions.length} interactions, ${findings.length === 0 ? 'all match the spec' : `${findings.length} rejected`}`);
    for (const finding of findings) out(`  REJECTED "${finding.interaction}": ${finding.message}`);
    for (const skipped of pact.skipped) out(`  skipped "${skipped}": not an HTTP interaction`);
    rejected += findings.length;
  }
  return rejected === 0 ? 0 : 1;
}

async function verifyCommand(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      vendor: { type: 'string', default: 'all' },
      'pact-dir': { type: 'string' },
      target: { type: 'string' },
      auth: { type: 'string' },
      'report-dir': { type: 'string', default: 'reports/latest' },
      'allow-production': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '10000' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    out(PACT_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`conform pact verify takes no positional arguments (got "${positionals[0]}"); give the pacts' directory with --pact-dir`);
  const selected = selectVendors(values.vendor);
  const vendors = selected.filter((vendor) => PACT_PROVIDERS.some((p) => p.vendor === vendor));
  if (vendors.length === 0) throw new UsageError(`conform pact verify has no provider states for ${selected.join(', ')}; it verifies ${PACT_PROVIDERS.map((p) => p.vendor).join(', ')}`);
  const auth = values.auth;
  await checkAuthFlag(vendors, auth, false);
  const timeoutMs = integer('--timeout', values.timeout, 1, 600_000);
  await assertOutputDir(values['report-dir'], '--report-dir');
  const target = values.target === undefined ? undefined : parseTargetFlag(values.target, vendors);

  const startedAt = new Date();
  const generatedDir = values['pact-dir'] === undefined ? await mkdtemp(join(tmpdir(), 'conform-pacts-')) : undefined;
  const mocks: RunningMock[] = [];
  try {
    const byVendor = await pactsByVendor(values['pact-dir'], generatedDir, vendors);
    if (target) await checkTarget(vendors[0]!, target, values['allow-production'], timeoutMs);
    const runId = randomBytes(4).toString('hex');
    const results: PactVerification[] = [];
    const targets: VerificationDocument['targets'] = [];
    for (const [vendor, files] of byVendor) {
      let url: string;
      let credentials: KeyCredentials;
      const [idVar, secretVar] = await requiredCredentials(vendor);
      const scheme = auth !== undefined && (await takesAuth(vendor)) ? { auth } : {};
      if (target) {
        url = target.toString();
        credentials = { id: process.env[idVar]!, secret: process.env[secretVar]! };
      } else {
        const mock = await startMock(vendor, { env: {}, ...scheme });
        mocks.push(mock);
        url = mock.url;
        credentials = { id: mock.credentials[idVar]!, secret: mock.credentials[secretVar]! };
      }
      targets.push({ vendor, url: url.replace(/\/$/, ''), embedded: !target });
      out(`verifying ${files.length} pact${files.length === 1 ? '' : 's'} for ${vendor} against ${target ? url : `the embedded mock at ${url}`}`);
      try {
        results.push(...(await verifyPacts({ vendor, pactFiles: files, target: url, credentials, runId, timeoutMs, ...scheme })));
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    }

    if (generatedDir) for (const result of results) result.generated = true;
    const document: VerificationDocument = {
      version: VERIFICATION_VERSION,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      targets,
      tag: `conform-${runId}`,
      pacts: results,
      summary: summariseVerification(results),
    };
    const reportDir = resolve(values['report-dir'], 'pact');
    await mkdir(reportDir, { recursive: true });
    const reportFile = join(reportDir, 'verification.json');
    await writeFile(reportFile, `${JSON.stringify(document, null, 2)}\n`);
    for (const pact of results) {
      const failed = pact.interactions.filter((i) => i.status === 'failed');
      out(`${pact.consumer} -> ${pact.provider} (${pact.vendor}): ${pact.interactions.length - failed.length} passed, ${failed.length} failed`);
      if (pact.error) out(`  ERROR ${pact.error}`);
      for (const interaction of failed) out(`  FAILED "${interaction.description}": ${interaction.message}`);
    }
    const created = results.reduce((n, p) => n + p.created.length, 0);
    if (target && created > 0) out(`the provider states created ${created} records on ${target.origin}, tagged ${document.tag} (their ids are in the report)`);
    out(`${document.summary.passed} passed, ${document.summary.failed} failed`);
    out(`report: ${reportFile}`);
    return verificationPasses(results) ? 0 : 1;
  } finally {
    await Promise.all(mocks.map((m) => m.close()));
    if (generatedDir) await rm(generatedDir, { recursive: true, force: true });
  }
}

/** The pact files to verify, by vendor: those in --pact-dir, or the project's own, generated into a temp dir. */
async function pactsByVendor(pactDir: string | undefined, generatedDir: string | undefined, vendors: Vendor[]): Promise<Map<Vendor, string[]>> {
  let files: string[];
  if (pactDir === undefined) {
    // Imported here: generating needs the consumer contracts, which verifying given pacts does not.
    const { generatePacts } = await import('../pact/generate-pacts.ts');
    files = await generatePacts(generatedDir!, vendors);
  } else {
    let names: string[];
    try {
      names = await readdir(pactDir);
    } catch (error) {
      throw new UsageError(`cannot read the pact directory ${pactDir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    files = names.filter((n) => n.endsWith('.json')).sort().map((n) => resolve(pactDir, n));
    if (files.length === 0) throw new UsageError(`${pactDir} holds no pact files (*.json)`);
  }
  const byVendor = new Map<Vendor, string[]>();
  for (const file of files) {
    const vendor = await vendorFor(await readPact(file));
    if (vendors.includes(vendor)) byVendor.set(vendor, [...(byVendor.get(vendor) ?? []), file]);
  }
  if (byVendor.size === 0) throw new UsageError(`${pactDir ?? 'the generated pacts'} hold${pactDir ? 's' : ''} no pact for ${vendors.join(' or ')}`);
  return new Map(VENDORS.filter((v) => byVendor.has(v)).map((v) => [v, byVendor.get(v)!]));
}

async function vendorFor(pact: Pact): Promise<Vendor> {
  const vendor = await vendorOfPact(pact);
  if (!vendor) {
    throw new PactFileError(
      `cannot tell which vendor ${pact.file} is for (provider "${pact.provider}"): name the provider after the vendor (e.g. trustist-customers, trustly-customers), or use the vendor's paths (/v1/... for Trustist, /api/v1/... for Trustly)`,
    );
  }
  return vendor;
}

/** The same safety as conform run: only loopback and sandboxes without --allow-production, credentials set, target answering. */
async function checkTarget(vendor: Vendor, target: URL, allowProduction: boolean, timeoutMs: number): Promise<void> {
  assertTargetAllowed(target, (await loadVendorSpec(vendor)).spec, allowProduction);
  const missing = (await requiredCredentials(vendor)).filter((name) => !process.env[name]);
  if (missing.length > 0) throw new UsageError(`verifying against ${target.origin} needs ${missing.join(' and ')} in the environment`);
  await assertReachable(target, timeoutMs);
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
