import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cacheDir, cacheEntryText, libraryVersion, readCacheEntry, writeCacheEntry } from './disk-cache.ts';

// Reading a spec (yaml parsing, dereferencing) and validating its x-conform block (an ajv
// compile) cost every process of a run about a second of CPU, and `npm test` starts dozens of
// runs. All of it is a pure function of the spec file's bytes and of the code that reads them,
// so a spec that loaded and validated once is kept on disk as JSON (disk-cache.ts), keyed by a
// hash of both, and the next process reads it back in a millisecond. A stale entry (another
// spec, another version of the code or of yaml, ajv, the ref parser) is never found, a corrupt
// one is ignored, and either way the spec is read from its source again.

const FORMAT = 1;
const KIND = 'spec';
/** Marks a reference to an object the graph holds more than once (a dereferenced `$ref`). */
const SHARED = '\u0000conform-shared';
/** The code whose output the cache holds: a change to any of it is another key. */
const SOURCES = ['load-spec.ts', 'x-conform.ts', 'x-conform.schema.json', 'compile-validators.ts', 'rule-catalogue.ts', 'vendor-spec.ts', 'spec-cache.ts', 'disk-cache.ts'];
const LIBRARIES = ['yaml', '@apidevtools/json-schema-ref-parser', 'ajv'];

export interface CachedSpec {
  vendor: string;
  raw: unknown;
  document: unknown;
}

/** Where the entries live (disk-cache.ts); undefined when the cache is off. */
export function specCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return cacheDir(env);
}

let codeDigest: string | undefined;

/** The key of a spec's text: its bytes, the cache's format and every source and library that reads it. */
export function specCacheKey(text: string): string {
  codeDigest ??= digestOfCode();
  return createHash('sha256').update(`${FORMAT}\n${codeDigest}\n`).update(text).digest('hex');
}

function digestOfCode(): string {
  const hash = createHash('sha256');
  for (const source of SOURCES) hash.update(readFileSync(new URL(`./${source}`, import.meta.url))).update('\0');
  const require = createRequire(import.meta.url);
  for (const library of LIBRARIES) hash.update(`${library}@${libraryVersion(require, library)}\0`);
  return hash.digest('hex');
}

/** The entry for `key`, or undefined when there is none or it cannot be trusted. */
export function readSpecCache(key: string, dir = specCacheDir()): CachedSpec | undefined {
  const content = readCacheEntry(KIND, key, dir);
  if (content === undefined) return undefined;
  try {
    const { vendor, graph } = JSON.parse(content) as { vendor: unknown; graph: EncodedGraph };
    const [raw, document] = decodeGraph(graph);
    if (typeof vendor !== 'string' || !isPlainObject(raw) || !isPlainObject(document)) return undefined;
    return { vendor, raw, document };
  } catch {
    return undefined;
  }
}

/**
 * The text of an entry for `spec`, made now (before anyone could change the objects), or
 * undefined if the spec holds anything JSON cannot carry (such a spec is simply not cached).
 */
export function encodeSpecCache(key: string, spec: CachedSpec): string | undefined {
  const graph = encodeGraph([spec.raw, spec.document]);
  if (!graph) return undefined;
  return cacheEntryText(key, JSON.stringify({ vendor: spec.vendor, graph }));
}

/** Writes an entry made by encodeSpecCache. A cache that cannot be written costs only speed. */
export function writeSpecCache(key: string, entry: string, dir = specCacheDir()): void {
  writeCacheEntry(KIND, key, entry, dir);
}

export interface EncodedGraph {
  roots: unknown[];
  /** Each object found more than once, once; `{ [SHARED]: i }` stands for the i-th. */
  shared: { array: boolean; value: unknown }[];
}

/**
 * JSON of values that share objects (a dereferenced document reuses one object for every `$ref`
 * to it), keeping the sharing, cycles included. Undefined for anything else than plain JSON data.
 */
export function encodeGraph(roots: unknown[]): EncodedGraph | undefined {
  const seen = new Map<object, number>();
  let plain = true;
  const count = (value: unknown): void => {
    if (!plain || value === null || typeof value === 'string' || typeof value === 'boolean') return;
    if (typeof value === 'number') {
      plain &&= Number.isFinite(value);
      return;
    }
    if (typeof value !== 'object' || !(Array.isArray(value) || isPlainObject(value)) || (!Array.isArray(value) && Object.hasOwn(value, SHARED))) {
      plain = false;
      return;
    }
    const times = seen.get(value);
    seen.set(value, (times ?? 0) + 1);
    if (times === undefined) for (const child of Object.values(value)) count(child);
  };
  for (const root of roots) count(root);
  if (!plain) return undefined;
  const ids = new Map<object, number>();
  for (const [value, times] of seen) if (times > 1) ids.set(value, ids.size);
  const encode = (value: unknown, own = false): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const id = ids.get(value);
    if (id !== undefined && !own) return { [SHARED]: id };
    if (Array.isArray(value)) return value.map((item) => encode(item));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  };
  return {
    roots: roots.map((root) => encode(root)),
    shared: [...ids.keys()].map((value) => ({ array: Array.isArray(value), value: encode(value, true) })),
  };
}

/** The values encodeGraph encoded, each shared object one object again. Throws on a malformed graph. */
export function decodeGraph(graph: EncodedGraph): unknown[] {
  if (!Array.isArray(graph?.roots) || !Array.isArray(graph.shared)) throw new Error('not an encoded graph');
  const objects: (unknown[] | Record<string, unknown>)[] = graph.shared.map((entry) => (entry.array ? [] : {}));
  const decode = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(decode);
    if (Object.hasOwn(value, SHARED)) {
      const target = objects[(value as Record<string, unknown>)[SHARED] as number];
      if (target === undefined) throw new Error('a shared reference points nowhere');
      return target;
    }
    return fill({}, value as Record<string, unknown>);
  };
  // Own data properties, so that a key like "__proto__" stays a key, as JSON.parse made it.
  const fill = (into: Record<string, unknown>, from: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(from)) Object.defineProperty(into, k, { value: decode(v), enumerable: true, writable: true, configurable: true });
    return into;
  };
  graph.shared.forEach((entry, i) => {
    const target = objects[i]!;
    if (Array.isArray(target)) {
      if (!Array.isArray(entry.value)) throw new Error('a shared array is not an array');
      for (const item of entry.value) target.push(decode(item));
    } else {
      if (!isPlainObject(entry.value)) throw new Error('a shared object is not an object');
      fill(target, entry.value);
    }
  });
  return graph.roots.map(decode);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
