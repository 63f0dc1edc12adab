import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { HttpSession } from '../http/http-session.ts';
import { resolveSigner } from '../auth/resolve-signer.ts';
import { writeResults } from '../report/write-reports.ts';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';
import { readResults } from './diff-command.ts';
import { integer, positive } from './run-options.ts';
import { scrubLedger, scrubSummary } from './scrub-ledger.ts';
import { assertTargetAllowed } from './target-guard.ts';
import { UsageError } from './usage-error.ts';

export const CLEANUP_HELP = `conform cleanup <report-dir> [--auth hawk|hmac-sha256|MODULE] [--rps N] [--max-writes N]
                [--timeout MS] [--allow-production]

Scrubs the personal data out of every record a live run created, from the ledger in
<report-dir>/<vendor>/results.json (what "conform run --keep-data" left, or what a run could
not scrub): Trustist customers get null for every optional personal field, Trustly customers
neutral placeholders for the required fields and no optional ones (externalId, the run's tag,
stays). Vendors cannot delete, so the records themselves remain. Credentials come from the
environment (the variables of conform run), per record the key of the role that created it.
Records already marked scrubbed are skipped: running it again sends nothing new. The ledger is
rewritten with "scrubbed": true for each record done. Exit 0 when every record is scrubbed,
1 when some are left (the lines say why), 2 for a usage error.`;

export async function cleanupCommand(args: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      auth: { type: 'string' },
      rps: { type: 'string' },
      'max-writes': { type: 'string' },
      timeout: { type: 'string', default: '10000' },
      'allow-production': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    out(CLEANUP_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('conform cleanup needs one argument: the report directory of a run (it holds <vendor>/results.json)');
  const dir = positionals[0]!;
  if (!(await stat(dir).then((s) => s.isDirectory(), () => false))) throw new UsageError(`${dir} is not a report directory; pass the --report-dir of the run (it holds <vendor>/results.json)`);
  const documents = await readResults(dir);
  const session = new HttpSession({
    ...(values.rps === undefined ? {} : { rps: positive('--rps', values.rps, 100_000) }),
    ...(values['max-writes'] === undefined ? {} : { maxWrites: integer('--max-writes', values['max-writes'], 0, 1_000_000_000) }),
  });
  const timeoutMs = integer('--timeout', values.timeout, 1, 600_000);
  let left = 0;
  for (const document of documents) {
    if (document.embedded) {
      out(`${document.vendor}: the run used the embedded mock, whose records went with it; nothing to scrub`);
      continue;
    }
    const target = new URL(document.target);
    assertTargetAllowed(target, (await loadVendorSpec(document.vendor)).spec, values['allow-production']);
    const signer = await resolveSigner(document.vendor, values.auth).catch((error: Error) => {
      throw new UsageError(`--auth ${values.auth}: ${error.message.split('\n')[0]}`);
    });
    const outcome = await scrubLedger(document, { baseUrl: document.target.replace(/\/$/, ''), env: process.env, signer, timeoutMs, session });
    for (const line of scrubSummary(document.vendor, outcome)) out(line);
    left += outcome.left.length;
    await writeResults(dir, [document]);
  }
  return left === 0 ? 0 : 1;
}
