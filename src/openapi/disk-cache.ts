import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The files the start-up caches keep (spec-cache.ts, validator-cache.ts): one file per key,
// a header line naming the key and a digest of the rest. An entry is used only if its header
// names the key it was looked up by and the content hashes to the digest: a stale entry is never
// found, a corrupt or truncated one is ignored. Nothing here is ever needed: a cache that cannot
// be read or written costs speed only.

const FORMAT = 1;

/**
 * Where entries live: CONFORM_CACHE_DIR ("off" turns the caches off), else node_modules/.cache/conform
 * beside the package, else a folder of the user's own in the system's temporary directory.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.CONFORM_CACHE_DIR;
  if (configured === 'off') return undefined;
  if (configured) return configured;
  const modules = fileURLToPath(new URL('../../node_modules/', import.meta.url));
  return existsSync(modules) ? join(modules, '.cache', 'conform') : join(tmpdir(), `conform-cache-${userInfo().uid}`);
}

/**
 * Whether the folder is ours alone to trust: a validator's entry is code that is run, and a
 * folder in a shared temporary directory could have been made by another user.
 */
function trusted(dir: string): boolean {
  const stat = lstatSync(dir);
  const uid = process.getuid?.();
  return stat.isDirectory() && (uid === undefined || stat.uid === uid) && (stat.mode & 0o022) === 0;
}

function entryFile(dir: string, kind: string, key: string): string {
  return join(dir, `${kind}-${key}.txt`);
}

/** The content stored under `kind` and `key`, or undefined when there is none or it cannot be trusted. */
export function readCacheEntry(kind: string, key: string, dir = cacheDir()): string | undefined {
  if (dir === undefined) return undefined;
  try {
    if (!trusted(dir)) return undefined;
    const text = readFileSync(entryFile(dir, kind, key), 'utf8');
    const newline = text.indexOf('\n');
    if (newline < 0) return undefined;
    const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; key?: unknown; digest?: unknown };
    const content = text.slice(newline + 1);
    if (header.format !== FORMAT || header.key !== key) return undefined;
    return header.digest === createHash('sha256').update(content).digest('hex') ? content : undefined;
  } catch {
    return undefined;
  }
}

/** The text of an entry: its header, then its content. */
export function cacheEntryText(key: string, content: string): string {
  return `${JSON.stringify({ format: FORMAT, key, digest: createHash('sha256').update(content).digest('hex') })}\n${content}`;
}

/** Stores an entry (made by cacheEntryText for this key). */
export function writeCacheEntry(kind: string, key: string, entry: string, dir = cacheDir()): void {
  if (dir === undefined) return;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    if (!trusted(dir)) return;
    // Written beside its place and renamed: a reader sees the whole entry or none.
    const temporary = `${entryFile(dir, kind, key)}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temporary, entry);
    renameSync(temporary, entryFile(dir, kind, key));
  } catch {
    // Read-only or full disk: the next process does the work again, as without a cache.
  }
}

/** The version of an installed library, from the package.json above its entry point ('unknown' if none is found). */
export function libraryVersion(require: NodeJS.Require, name: string): string {
  try {
    let dir = require.resolve(name);
    for (;;) {
      const up = join(dir, '..');
      if (up === dir) return 'unknown';
      dir = up;
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name) return String(pkg.version);
      }
    }
  } catch {
    return 'unknown';
  }
}
