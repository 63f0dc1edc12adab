import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generatePacts } from '../pact/generate-pacts.ts';
import { startMock } from '../mock/start-mock.ts';
import type { VerificationDocument } from '../pact/verification-report.ts';
import { pactCommand } from './pact-command.ts';

async function call(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await pactCommand(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let work: string;
let pactDir: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'conform-pact-cli-'));
  pactDir = join(work, 'pacts');
  await generatePacts(pactDir);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('conform pact', () => {
  it('prints its help (exit 0), and asks for a subcommand without one (exit 2)', async () => {
    const help = await call(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/conform pact verify .*--pact-dir DIR/s);
    expect(help.out).toMatch(/conform pact check <pact.json \.\.\.>/);
    expect((await call(['verify', '--help'])).code).toBe(0);
    expect((await call([])).code).toBe(2);
  });

  it('verify with no arguments generates the project pacts, verifies both embedded mocks and writes the report (exit 0)', async () => {
    const reportDir = join(work, 'report-ok');
    const run = await call(['verify', '--report-dir', reportDir]);
    expect(run.code, run.out + run.err).toBe(0);
    expect(run.out).toMatch(/conform-example-app -> trustist-customers \(trustist\): 6 passed, 0 failed/);
    expect(run.out).toMatch(/conform-example-app -> trustly-customers \(trustly\): 5 passed, 0 failed/);
    const report = JSON.parse(await readFile(join(reportDir, 'pact', 'verification.json'), 'utf8')) as VerificationDocument;
    expect(report.version).toBe('1.0');
    expect(report.targets.map((t) => [t.vendor, t.embedded])).toEqual([
      ['trustist', true],
      ['trustly', true],
    ]);
    expect(report.summary).toEqual({ pacts: 2, interactions: 11, passed: 11, failed: 0 });
    expect(report.pacts.flatMap((p) => p.interactions).every((i) => i.status === 'passed')).toBe(true);
  });

  it('verify --target a deviating mock, with the credentials in the environment, fails the interactions it breaks (exit 1)', async () => {
    const mock = await startMock('trustist', { env: {}, fault: 'update-replaces-record' });
    try {
      vi.stubEnv('TRUSTIST_KEY_ID', mock.credentials.TRUSTIST_KEY_ID!);
      vi.stubEnv('TRUSTIST_KEY_SECRET', mock.credentials.TRUSTIST_KEY_SECRET!);
      const reportDir = join(work, 'report-fault');
      const run = await call(['verify', '--vendor', 'trustist', '--target', mock.url, '--pact-dir', pactDir, '--report-dir', reportDir]);
      expect(run.code, run.out + run.err).toBe(1);
      expect(run.out).toMatch(/FAILED "a request to update part of a customer": body \$: Actual map is missing the following keys: firstName, lastName/);
      const report = JSON.parse(await readFile(join(reportDir, 'pact', 'verification.json'), 'utf8')) as VerificationDocument;
      expect(report.targets).toEqual([{ vendor: 'trustist', url: mock.url, embedded: false }]);
      expect(report.pacts).toHaveLength(1);
      expect(report.summary).toMatchObject({ interactions: 6, failed: 2 });
    } finally {
      await mock.close();
    }
  });

  it('check accepts the project pacts (exit 0) and rejects a wrongly typed field, naming the interaction and the pointer (exit 1)', async () => {
    const ours = await call(['check', join(pactDir, 'conform-example-app-trustist-customers.json'), join(pactDir, 'conform-example-app-trustly-customers.json')]);
    expect(ours.code, ours.out).toBe(0);
    expect(ours.out).toMatch(/6 interactions, all match the spec/);
    const document = JSON.parse(await readFile(join(pactDir, 'conform-example-app-trustly-customers.json'), 'utf8'));
    document.interactions.find((i: { description: string }) => i.description === 'a request to save a new customer by external id').response.body.content.customer.updatedAt = 'yesterday';
    const bad = join(work, 'bad.json');
    await writeFile(bad, JSON.stringify(document));
    const run = await call(['check', bad]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/REJECTED "a request to save a new customer by external id": response body \/customer\/updatedAt must be integer/);
  });

  it('exits 2 on usage and configuration errors, saying what to fix', async () => {
    const cases: [string[], RegExp][] = [
      [['verify', '--colour'], /Unknown option '--colour'/],
      [['check', join(work, 'missing.json')], /cannot read the pact file .*missing\.json: ENOENT/],
      [['check'], /needs at least one pact file/],
      [['verify', '--pact-dir', join(work, 'nowhere')], /cannot read the pact directory/],
      [['verify', '--target', 'https://api.trustistecommerce.com'], /--target needs one vendor/],
      [['verify', '--vendor', 'trustist', '--target', 'https://api.trustistecommerce.com'], /not a known trustist sandbox/],
      [['verify', '--vendor', 'trustly', '--auth', 'hawk'], /--auth applies to trustist only/],
      [['publish'], /unknown pact subcommand "publish"/],
      [['verify', '--vendor', 'trustly', '--pact-dir', pactDir, '--report-dir', join(pactDir, 'conform-example-app-trustly-customers.json')], /--report-dir .*\.json is a file, not a directory/],
    ];
    for (const [args, message] of cases) {
      const run = await call(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err, args.join(' ')).toMatch(message);
    }
    vi.stubEnv('TRUSTLY_ACCESS_ID', '');
    vi.stubEnv('TRUSTLY_ACCESS_KEY', '');
    const noKeys = await call(['verify', '--vendor', 'trustly', '--target', 'http://127.0.0.1:9', '--pact-dir', pactDir]);
    expect(noKeys.code).toBe(2);
    expect(noKeys.err).toMatch(/verifying against http:\/\/127\.0\.0\.1:9 needs TRUSTLY_ACCESS_ID and TRUSTLY_ACCESS_KEY in the environment/);
    const notPact = join(work, 'not-a-pact.json');
    await writeFile(notPact, '{"hello": 1}');
    expect((await call(['check', notPact])).err).toMatch(/is not a pact file/);
  });
});
