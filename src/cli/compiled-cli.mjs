// The CLI's TypeScript, compiled once by esbuild into a cached ES module, for `conform run`.
// Registering tsx starts a hooks thread that every module loaded afterwards passes through, one
// round trip per module and, for node_modules files with dynamic imports, a rewrite with a
// source map: a run loads vitest's and vite's later chunks that way, and the vitest config, long
// after the CLI's own files. Loaded from this cache, a run registers no hooks at all (vitest
// compiles the config, the global setup and the suites itself).
// Plain JavaScript, since it runs before any TypeScript can be loaded.
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./main.ts', import.meta.url));
const MANIFEST = 'cli-manifest.json';
// A stale build's folder is removed once it is this old: a process started before the sources
// changed may still be importing its chunks.
const PRUNE_AFTER_MS = 10 * 60_000;

/**
 * The CLI's `main`, from the cache (built first if a source changed since), or undefined when
 * the cache is off or cannot be used: the caller then loads the sources through tsx.
 */
export async function compiledMain(env = process.env) {
  const dir = cacheDir(env);
  if (dir === undefined) return undefined;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    if (!trusted(dir)) return undefined;
    const entry = freshEntry(dir) ?? (await build(dir));
    return (await import(pathToFileURL(entry).href)).main;
  } catch {
    return undefined;
  }
}

/**
 * The same folder as the spec and validator caches (src/openapi/disk-cache.ts): CONFORM_CACHE_DIR
 * ("off" turns it off), else node_modules/.cache/conform, else the user's own in the temporary folder.
 */
function cacheDir(env) {
  if (env.CONFORM_CACHE_DIR === 'off') return undefined;
  if (env.CONFORM_CACHE_DIR) return env.CONFORM_CACHE_DIR;
  const modules = join(ROOT, 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'conform') : join(tmpdir(), `conform-cache-${userInfo().uid}`);
}

/** The build is code that is run: only from a folder that no one but this user can write to. */
function trusted(dir) {
  const stat = lstatSync(dir);
  const uid = process.getuid?.();
  return stat.isDirectory() && (uid === undefined || stat.uid === uid) && (stat.mode & 0o022) === 0;
}

/**
 * What, besides the sources, decides the build's output: this file (its options), esbuild's
 * version, node's, and the checkout's folder, which the build writes into every module's
 * `import.meta.url` (a copy of the checkout with the same cache must not run the original's files).
 */
function buildKey() {
  return digest(`${readFileSync(fileURLToPath(import.meta.url), 'utf8')}\n${esbuildVersion()}\n${process.versions.node}\n${ROOT}`);
}

/** The cached build's entry if every source it was built from is unchanged, byte for byte. */
function freshEntry(dir) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest.key !== buildKey() || !Array.isArray(manifest.inputs)) return undefined;
  for (const [path, hash] of manifest.inputs) {
    try {
      if (digest(readFileSync(resolve(ROOT, path))) !== hash) return undefined;
    } catch {
      return undefined;
    }
  }
  const entry = join(dir, manifest.folder, 'main.mjs');
  return existsSync(entry) ? entry : undefined;
}

async function build(dir) {
  const esbuild = esbuildModule();
  const scratch = join(dir, `cli-build-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    // Each command stays a chunk of its own, imported when it is the one asked for, as from the sources.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node}`,
    packages: 'external',
    outdir: scratch,
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'silent',
    plugins: [ownImportMeta],
  });
  const inputs = Object.keys(result.metafile.inputs).map((path) => [path, digest(readFileSync(resolve(ROOT, path)))]);
  const folder = `cli-${digest(JSON.stringify(inputs) + buildKey()).slice(0, 16)}`;
  try {
    renameSync(scratch, join(dir, folder));
  } catch {
    // Another process built the same sources first: its folder is as good.
    rmSync(scratch, { recursive: true, force: true });
  }
  const manifest = join(dir, `${MANIFEST}.${process.pid}.tmp`);
  writeFileSync(manifest, JSON.stringify({ key: buildKey(), folder, inputs }));
  renameSync(manifest, join(dir, MANIFEST));
  prune(dir, folder);
  return join(dir, folder, 'main.mjs');
}

/**
 * Each source keeps its own `import.meta.url`: the CLI finds the specs, package.json and help.txt
 * relative to its files, and the build lives elsewhere.
 */
const ownImportMeta = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const loader = /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js';
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader };
    });
  },
};

function prune(dir, keep) {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith('cli-') || name === keep || name.startsWith('cli-manifest')) continue;
    const path = join(dir, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > PRUNE_AFTER_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}

/** tsx's own esbuild, the compiler the sources are run with otherwise (loaded only to build). */
function esbuildRequire() {
  return createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
}

function esbuildModule() {
  return esbuildRequire()('esbuild');
}

function esbuildVersion() {
  return JSON.parse(readFileSync(esbuildRequire().resolve('esbuild/package.json'), 'utf8')).version;
}

function digest(data) {
  return createHash('sha256').update(data).digest('hex');
}
