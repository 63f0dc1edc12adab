import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadVendorSpec, VENDORS } from '../openapi/index.ts';
import { main } from './main.ts';

const BIN = fileURLToPath(new URL('./bin.mjs', import.meta.url));

async function call(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('conform rules', () => {
  it('lists every rule of both vendors with level and source', async () => {
    const { code, out } = await call(['rules']);
    expect(code).toBe(0);
    for (const vendor of VENDORS) {
      for (const rule of (await loadVendorSpec(vendor)).rules) {
        const line = out.split('\n').find((l) => l.startsWith(`${rule.id} `));
        expect(line, rule.id).toBeDefined();
        expect(line).toContain(rule.level);
        expect(line).toContain(rule.source.documents[0]);
      }
    }
  });

  it('ends quietly with exit 0 when its reader closes the pipe early, as `conform mock trustly --list-faults | head -1` does', async () => {
    const child = spawn(process.execPath, [BIN, 'mock', 'trustly', '--list-faults'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Close our end before the command writes anything (it takes a while to load): its writes meet a closed pipe.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });

  it('lists one vendor with --vendor, and prints JSON with --json', async () => {
    const { out } = await call(['rules', '--vendor', 'trustly', '--json']);
    const rules = JSON.parse(out) as { id: string }[];
    expect(rules.length).toBe((await loadVendorSpec('trustly')).rules.length);
    expect(rules.every((r) => r.id.startsWith('trustly.'))).toBe(true);
  });

  it('refuses an unknown vendor in one line naming the valid values, with exit 2', async () => {
    const { code, out, err } = await call(['rules', '--vendor', 'acme']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(/unknown vendor "acme".*trustist, trustly, all/);
  });

  it('refuses an unknown flag and an unknown command with exit 2', async () => {
    expect((await call(['rules', '--colour'])).code).toBe(2);
    const unknown = await call(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command "frobnicate"/);
  });

  it('runs as the installed executable', { timeout: 240_000 }, async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'rules', '--vendor', 'trustist'], { timeout: 120_000 });
    expect(stdout).toMatch(/^trustist\.auth\.required\s+MUST/m);
    const failed = await promisify(execFile)(process.execPath, [BIN, 'rules', '--vendor', 'nope']).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(2);
  });
});

describe('an output directory that is a file', () => {
  it('is a usage error of one line naming the file, exit 2, for run and report; cleanup refuses a file as its report directory', async () => {
    const work = await mkdtemp(join(tmpdir(), 'conform-file-dir-'));
    try {
      const file = join(work, 'reports.txt');
      await writeFile(file, 'not a directory');
      const reports = join(work, 'reports');
      await mkdir(join(reports, 'trustly'), { recursive: true });
      const cases: [string[], RegExp][] = [
        [['run', '--vendor', 'trustly', '--report-dir', file], /^conform: --report-dir .*reports\.txt is a file, not a directory; give a directory/],
        [['run', '--vendor', 'trustly', '--report-dir', join(file, 'inner')], /^conform: --report-dir .*inner cannot be made: .*reports\.txt is a file, not a directory/],
        [['report', reports, '--report-dir', file], /^conform: --report-dir .*reports\.txt is a file, not a directory/],
        [['cleanup', file], /^conform: .*reports\.txt is not a report directory/],
      ];
      for (const [argv, message] of cases) {
        const { code, err } = await call(argv);
        expect(code, argv.join(' ')).toBe(2);
        expect(err.split('\n'), argv.join(' ')).toHaveLength(1);
        expect(err, argv.join(' ')).toMatch(message);
      }
      expect(await readFile(file, 'utf8')).toBe('not a directory');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe('conform --version and --help', () => {
  it('answer the same from main() and from the executable, which answers them without loading tsx', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const exec = promisify(execFile);
    expect((await call(['--version'])).out).toBe(pkg.version);
    expect((await exec(process.execPath, [BIN, '--version'])).stdout.trim()).toBe(pkg.version);
    const help = await call(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: conform <command>/m);
    expect((await exec(process.execPath, [BIN, '--help'])).stdout.trimEnd()).toBe(help.out);
    const bare = await exec(process.execPath, [BIN]).catch((e: { code: number; stdout: string }) => e);
    expect((bare as { code: number }).code).toBe(2);
    expect((bare as { stdout: string }).stdout.trimEnd()).toBe(help.out);
  });
});
