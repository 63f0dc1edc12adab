import { parseArgs } from 'node:util';
import { faultsOf, findFault } from '../mock/faults.ts';
import { startMock } from '../mock/start-mock.ts';
import { isVendor, VENDORS, type Vendor } from '../spec/vendors.ts';
import { UsageError } from './usage-error.ts';

export const MOCK_HELP = `conform mock <trustist|trustly> [--port N] [--host H] [--fault NAME] [--auth hawk|hmac-sha256]
                                 [--hawk-lenient]
conform mock <trustist|trustly> --list-faults

Start a vendor's reference mock: a stateful, in-memory stand-in that follows the vendor's
documentation (specs/<vendor>/customers.openapi.yaml). It prints its URL and its keys as
shell "export" lines, and stops on Ctrl-C (SIGINT) or SIGTERM.

Keys come from the credential variables (TRUSTIST_KEY_ID, TRUSTLY_ACCESS_ID, ...) when they
are set; otherwise the mock generates them and prints them.

  --port N         port to listen on (default: a free port)
  --host H         interface to listen on (default 127.0.0.1)
  --fault NAME     inject a named deviation from the documentation (see --list-faults)
  --auth SCHEME    Trustist only: hawk (default) or hmac-sha256
  --hawk-lenient   Trustist with Hawk only: accept a body sent without the Hawk payload hash
                   (by default every request with a body, and every POST and PUT, needs it);
                   verbatim replays are refused either way
  --list-faults    list the vendor's faults and the rules each breaks`;

export async function mockCommand(args: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      fault: { type: 'string' },
      auth: { type: 'string' },
      'hawk-lenient': { type: 'boolean', default: false },
      'list-faults': { type: 'boolean', default: false },
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
  if (values['list-faults']) {
    for (const fault of faultsOf(vendor)) out(`${fault.name.padEnd(34)} ${fault.rules.join(', ')}\n${' '.repeat(35)}${fault.description}`);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number from 0 to 65535, not "${values.port}"`);
  if (values.auth !== undefined && (vendor !== 'trustist' || !['hawk', 'hmac-sha256'].includes(values.auth))) {
    throw new UsageError(vendor === 'trustist' ? `--auth must be hawk or hmac-sha256, not "${values.auth}"` : '--auth applies to trustist only; trustly uses Basic auth');
  }
  if (values['hawk-lenient'] && (vendor !== 'trustist' || values.auth === 'hmac-sha256')) {
    throw new UsageError('--hawk-lenient applies to the Trustist mock with Hawk auth only; leave it out, or drop --auth hmac-sha256');
  }
  if (values.fault !== undefined) {
    try {
      findFault(vendor, values.fault);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const mock = await startMock(vendor as Vendor, {
    host: values.host,
    port,
    fault: values.fault,
    auth: values.auth as 'hawk' | 'hmac-sha256' | undefined,
    hawkLenient: values['hawk-lenient'],
    env: process.env,
  });
  out(`${vendor} mock listening on ${mock.url}${values.fault ? ` with fault ${values.fault}` : ''}${values['hawk-lenient'] ? ' (Hawk payload hash optional)' : ''}`);
  for (const [name, value] of Object.entries(mock.credentials)) {
    // A key the user supplied stays out of the terminal; one the mock generated is printed for them to use.
    out(process.env[name] ? `# ${name} is taken from the environment` : `export ${name}=${value}`);
  }
  out('Press Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await mock.close();
  out(`${vendor} mock stopped`);
  return 0;
}
