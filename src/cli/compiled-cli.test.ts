import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
// @ts-expect-error plain JavaScript without declarations: it runs before TypeScript can be loaded.
import { compiledMain } from './compiled-cli.mjs';

type Main = (argv: string[], out: (line: string) => void, err: (line: string) => void) => Promise<number>;
const load = compiledMain as (env: NodeJS.ProcessEnv) => Promise<Main | undefined>;

const dirs: string[] = [];
const cacheDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'conform-compiled-cli-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

async function run(main: Main, argv: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await main(argv, (line) => out.push(line), (line) => out.push(line));
  return { code, out };
}

describe('compiledMain', () => {
  test('builds the CLI into the cache, and the build finds the files beside its sources', async () => {
    const dir = cacheDir();
    const main = await load({ CONFORM_CACHE_DIR: dir });
    expect(main).toBeTypeOf('function');
    // --version reads package.json and --help help.txt, both relative to the sources' import.meta.url.
    expect(await run(main!, ['--version'])).toEqual({ code: 0, out: [VERSION] });
    expect((await run(main!, ['--help'])).out.join('\n')).toBe(readFileSync(new URL('./help.txt', import.meta.url), 'utf8').trimEnd());
    const manifest = JSON.parse(readFileSync(join(dir, 'cli-manifest.json'), 'utf8')) as { inputs: [string, string][]; folder: string };
    expect(manifest.inputs.map(([path]) => path)).toContain('src/cli/run-command.ts');
    expect(readdirSync(join(dir, manifest.folder)).some((name) => name !== 'main.mjs')).toBe(true);
  }, 60_000);

  test('reuses an unchanged build, and builds again when a source no longer matches it', async () => {
    const dir = cacheDir();
    await load({ CONFORM_CACHE_DIR: dir });
    const manifestFile = join(dir, 'cli-manifest.json');
    const built = statSync(manifestFile).mtimeMs;
    await load({ CONFORM_CACHE_DIR: dir });
    expect(statSync(manifestFile).mtimeMs).toBe(built);

    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { inputs: [string, string][] };
    manifest.inputs[0]![1] = '0'.repeat(64);
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const main = await load({ CONFORM_CACHE_DIR: dir });
    expect(main).toBeTypeOf('function');
    const rebuilt = JSON.parse(readFileSync(manifestFile, 'utf8')) as { inputs: [string, string][] };
    expect(rebuilt.inputs[0]![1]).not.toBe('0'.repeat(64));
  }, 60_000);

  test('is off with CONFORM_CACHE_DIR=off and in a folder others may write to', async () => {
    expect(await load({ CONFORM_CACHE_DIR: 'off' })).toBeUndefined();
    const dir = cacheDir();
    chmodSync(dir, 0o777);
    expect(await load({ CONFORM_CACHE_DIR: dir })).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });
});
