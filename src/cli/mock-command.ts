import { parseArgs } from 'node:util';
import { describeCounts } from '../mock/chaos.ts';
import { parseChaosFlags, type ChaosOptions } from '../mock/chaos-options.ts';
import { faultsOf, findFault } from '../mock/faults.ts';
import { describeProfile, ProfileError, readProfile, withProfile, type MockProfile } from '../mock/profile.ts';
import { startMock } from '../mock/start-mock.ts';
import { findVariants, variantsOf } from '../mock/variants.ts';
import { MOCK_MODULES, mockModule, type MockModule } from '../mock/mock-modules.ts';
import { isVendor, VENDORS, type Vendor } from '../openapi/vendors.ts';
import { UsageError } from './usage-error.ts';

const MOCKS = MOCK_MODULES.map((m) => m.vendor).join('|');
const CHOOSING_AUTH = MOCK_MODULES.filter((m) => m.authSchemes.length > 1);

export const MOCK_HELP = `conform mock <${MOCKS}> [--port N] [--host H] [--fault NAME] [--variant NAME ...] [--auth hawk|hmac-sha256]
                                 [--hawk-lenient] [--base-path PATH] [--page-size N]
                                 [--profile RESULTS]
                                 [--latency MS|MIN..MAX] [--rate-limit N/s] [--fail-rate P] [--drop-rate P] [--chaos-seed N]
conform mock <${MOCKS}> --list-faults | --list-variants

Start a vendor's reference mock: a stateful, in-memory stand-in that follows the vendor's
documentation (specs/<vendor>/customers.openapi.yaml). It prints its URL and its keys as
shell "export" lines, and stops on Ctrl-C (SIGINT) or SIGTERM.

Keys come from the credential variables (TRUSTIST_KEY_ID, TRUSTLY_ACCESS_ID, ...) when they
are set; otherwise the mock generates them and prints them.

  --port N         port to listen on (default: a free port)
  --host H         interface to listen on (default 127.0.0.1)
  --fault NAME     inject a named deviation from the documentation (see --list-faults)
  --variant NAME   take another reading the docs allow (repeatable; see --list-variants):
                   a correct behaviour, not a fault; combines with others and with --fault
  --auth SCHEME    the scheme the mock checks, for ${CHOOSING_AUTH.map((m) => `${m.vendor}: ${m.authSchemes[0]} (default) or ${m.authSchemes.slice(1).join(' or ')}`).join('; ') || 'no mock'}
  --hawk-lenient   ${MOCK_MODULES.filter((m) => m.hawkLenient).map((m) => m.vendor).join(', ') || 'no mock'} with Hawk only: accept a body sent without the Hawk payload hash
                   (by default every request with a body, and every POST and PUT, needs it);
                   verbatim replays are refused either way
  --base-path PATH serve the API under a path prefix, as a gateway does (e.g. /some/prefix);
                   run the suite with --target http://HOST:PORT/some/prefix
  --page-size N    ${MOCK_MODULES.filter((m) => m.pageSize).map((m) => m.vendor).join(', ') || 'no mock'} only: page customer lists N at a time, the next page named by a
                   Link: <...>; rel="next" header (RFC 8288), as paging APIs commonly do
  --profile RESULTS
                   calibrate the mock from a run against the real target (its results.json, or
                   the report directory holding <vendor>/results.json): where the docs are open
                   the mock makes the choices that target made (statuses, error bodies, list
                   shape and page size, null or absent, time zone spelling, defaults, nested
                   updates, base path), each printed as "adopting ... from <rule>"; what it
                   cannot reproduce is named in a warning. Only doc-correct readings of rules
                   that passed or were observed are adopted; flags given here win over the profile
  --list-faults    list the vendor's faults: what each deviation does and the rules it breaks
  --list-variants  list the vendor's doc-correct variants, their group and the rules that meet them

Chaos, for testing your own client against a slow, rate-limited or failing vendor. Each is
decided before the request reaches the mock's store, so a refused or dropped request changes
nothing; the mock prints what it applies, and the seed, when it starts:
  --latency MS     wait MS milliseconds before each answer; MIN..MAX: uniform in that range
  --rate-limit N/s serve N requests a second (token bucket, bursts of N); beyond it answer 429
                   with Retry-After (seconds) in the vendor's error shape; plain N means N/s
  --fail-rate P    answer 503 with Retry-After with probability P (0..1)
  --drop-rate P    reset the connection without an answer with probability P (0..1)
  --chaos-seed N   seed of these decisions: the same seed and the same requests give the same
                   delays, refusals and resets (default: a random seed, printed)

Recipe: your client's tests against a faulty, flaky Trustly:
  npx conform mock trustly --port 8080 --fault errors-flat-on-404 --latency 5..50 --rate-limit 20/s --fail-rate 0.1 --chaos-seed 7
  (in another shell, with the printed export lines) TRUSTLY_URL=http://127.0.0.1:8080 npm test
From code: startMock('trustly', { fault, chaos: { latencyMs: { min: 5, max: 50 }, rateLimit: 20, failRate: 0.1, seed: 7 } })
(see the README, "Testing your own client against the mock").`;

export async function mockCommand(args: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      fault: { type: 'string' },
      auth: { type: 'string' },
      variant: { type: 'string', multiple: true, default: [] },
      'base-path': { type: 'string' },
      'page-size': { type: 'string' },
      'hawk-lenient': { type: 'boolean', default: false },
      profile: { type: 'string' },
      'list-faults': { type: 'boolean', default: false },
      'list-variants': { type: 'boolean', default: false },
      latency: { type: 'string' },
      'rate-limit': { type: 'string' },
      'fail-rate': { type: 'string' },
      'drop-rate': { type: 'string' },
      'chaos-seed': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    out(MOCK_HELP);
    return 0;
  }
  const vendor = positionals[0];
  if (positionals.length !== 1 || vendor === undefined || !isVendor(vendor)) {
    throw new UsageError(`conform mock needs one vendor: ${VENDORS.join(' or ')}${vendor && !isVendor(vendor) ? ` (not "${vendor}")` : ''}`);
  }
  let mock: MockModule;
  try {
    mock = mockModule(vendor);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values['list-faults']) {
    out(`Faults of the ${vendor} mock, for --fault NAME (or startMock's fault option): each one deviation from the docs, what it does, and the rules it breaks.\n`);
    for (const fault of faultsOf(vendor)) out(`${fault.name.padEnd(34)} ${fault.rules.join(', ')}\n${' '.repeat(35)}${fault.description}`);
    return 0;
  }
  if (values['list-variants']) {
    for (const variant of variantsOf(vendor)) out(`${variant.name.padEnd(34)} (${variant.group}) ${variant.rules.join(', ')}\n${' '.repeat(35)}${variant.description}`);
    return 0;
  }
  try {
    findVariants(vendor, values.variant);
  } catch (error) {
    throw new UsageError(`--variant: ${(error as Error).message}`);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number from 0 to 65535, not "${values.port}"`);
  const authSchemes = mock.authSchemes;
  if (values.auth !== undefined && (authSchemes.length < 2 || !authSchemes.includes(values.auth))) {
    throw new UsageError(
      authSchemes.length > 1
        ? `--auth must be ${authSchemes.join(' or ')}, not "${values.auth}"`
        : `--auth applies to the mocks of ${takers((m) => m.authSchemes.length > 1)} only; the ${vendor} mock uses ${authSchemes[0]} auth`,
    );
  }
  const basePath = values['base-path'];
  if (basePath !== undefined && !/^\/?[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(basePath)) {
    throw new UsageError(`--base-path must be a URL path such as /some/prefix, not "${basePath}"`);
  }
  const pageSizeText = values['page-size'];
  const pageSize = pageSizeText === undefined ? undefined : Number(pageSizeText);
  if (pageSizeText !== undefined && !mock.pageSize) throw new UsageError(`--page-size applies to the mocks of ${takers((m) => m.pageSize)} only`);
  if (pageSizeText !== undefined && (!/^\d+$/.test(pageSizeText) || pageSize! < 1 || pageSize! > 10_000)) {
    throw new UsageError(`--page-size must be a whole number from 1 to 10000, not "${pageSizeText}"`);
  }
  // Leniency is about Hawk's payload hash: a mock that takes it, started with another scheme, has none to relax.
  if (values['hawk-lenient'] && (!mock.hawkLenient || (values.auth ?? authSchemes[0]) !== 'hawk')) {
    throw new UsageError(`--hawk-lenient applies to the ${takers((m) => m.hawkLenient, true)} mock with Hawk auth only; leave it out${mock.hawkLenient ? `, or drop --auth ${values.auth}` : ''}`);
  }
  if (values.fault !== undefined) {
    try {
      findFault(vendor, values.fault);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  let chaos: ChaosOptions | undefined;
  try {
    chaos = parseChaosFlags({ latency: values.latency, 'rate-limit': values['rate-limit'], 'fail-rate': values['fail-rate'], 'drop-rate': values['drop-rate'], 'chaos-seed': values['chaos-seed'] });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const profile = values.profile === undefined ? undefined : await loadProfile(values.profile, vendor);
  const options = withProfile(vendor, {
    host: values.host,
    port,
    fault: values.fault,
    variants: values.variant,
    auth: values.auth,
    hawkLenient: values['hawk-lenient'],
    env: process.env,
    ...(basePath === undefined ? {} : { basePath }),
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(chaos === undefined ? {} : { chaos }),
  }, profile?.options);
  if (profile) for (const line of describeProfile(profile, values.profile!, options)) out(line);
  const running = await startMock(vendor, options);
  const taken = running.variants ?? [];
  const variants = taken.length > 0 ? ` with variant${taken.length > 1 ? 's' : ''} ${taken.join(', ')}` : '';
  out(`${vendor} mock listening on ${running.url}${values.fault ? ` with fault ${values.fault}` : ''}${variants}${options.hawkLenient ? ' (Hawk payload hash optional)' : ''}`);
  if (running.chaos) out(running.chaos.description);
  for (const [name, value] of Object.entries(running.credentials)) {
    // A key the user supplied stays out of the terminal; one the mock generated is printed for them to use.
    out(process.env[name] ? `# ${name} is taken from the environment` : `export ${name}=${value}`);
  }
  out('Press Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  if (running.chaos) out(describeCounts(running.chaos.counts()));
  out(`${vendor} mock stopped`);
  return 0;
}

/** The vendor's calibration from a results.json or report directory; a path that holds none is a usage error (exit 2). */
async function loadProfile(path: string, vendor: Vendor): Promise<MockProfile> {
  try {
    return await readProfile(path, vendor);
  } catch (error) {
    throw error instanceof ProfileError ? new UsageError(error.message) : error;
  }
}

/** The vendors whose mock takes an option, for the message refusing it ("trustist", "Trustist" with `capital`). */
function takers(takes: (mock: MockModule) => boolean, capital = false): string {
  const names = MOCK_MODULES.filter(takes).map((m) => (capital ? m.vendor[0]!.toUpperCase() + m.vendor.slice(1) : m.vendor));
  return names.length > 0 ? names.join(' and ') : 'none';
}
