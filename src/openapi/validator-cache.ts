import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv2020, Options, ValidateFunction } from 'ajv/dist/2020.js';
import type standaloneCode from 'ajv/dist/standalone/index.js';
import { cacheEntryText, libraryVersion, readCacheEntry, writeCacheEntry } from './disk-cache.ts';

// Compiling a schema with ajv is the largest cost left in a process's first requests: the mock's
// first create compiles its request schema, the worker the response schema of each answer it
// first checks (hundreds of milliseconds each, cold). ajv can emit a compiled validator as
// standalone code; it is kept on disk (disk-cache.ts), keyed by the schema, the options and the
// versions of ajv and ajv-formats, and the next process loads it in a millisecond instead.

const FORMAT = 1;
const KIND = 'validator';
const require = createRequire(import.meta.url);
let libraries: string | undefined;

/** The key of a schema compiled with these options and added keywords, or undefined for a schema JSON cannot carry. */
export function validatorKey(options: Options, keywords: readonly string[], schema: unknown): string | undefined {
  let json: string;
  try {
    json = JSON.stringify(schema);
  } catch {
    return undefined;
  }
  libraries ??= ['ajv', 'ajv-formats'].map((name) => `${name}@${libraryVersion(require, name)}`).join(' ');
  return createHash('sha256')
    .update(`${FORMAT}\n${libraries}\n${JSON.stringify(options)}\n${keywords.join(' ')}\n`)
    .update(json)
    .digest('hex');
}

/** The validator stored under `key`, or undefined when there is none, or none that can be trusted and loaded. */
export function cachedValidator(key: string): ValidateFunction | undefined {
  const code = readCacheEntry(KIND, key);
  if (code === undefined) return undefined;
  try {
    const module = { exports: {} as unknown };
    // The code is ajv's own standalone output, as stored by storeValidator; it requires ajv's runtime and ajv-formats.
    new Function('require', 'module', 'exports', code)(require, module, module.exports);
    return typeof module.exports === 'function' ? (module.exports as ValidateFunction) : undefined;
  } catch {
    return undefined;
  }
}

/** Stores `validate`, just compiled by `ajv` (made with `code: { source: true }`), under `key`. */
export function storeValidator(key: string, ajv: Ajv2020, validate: ValidateFunction): void {
  let code: string;
  try {
    // Loaded only here: a process that compiles nothing never needs the code generator.
    code = (require('ajv/dist/standalone/index.js') as typeof standaloneCode).default(ajv, validate);
  } catch {
    return;
  }
  writeCacheEntry(KIND, key, cacheEntryText(key, code));
}

/**
 * The validator of `schema` compiled with `options` and `keywords`: from the disk cache, or else
 * compiled by the ajv `compiler()` gives (made with those options and keywords) and stored.
 */
export function cachedCompile(options: Options, keywords: readonly string[], schema: object, compiler: () => Ajv2020): ValidateFunction {
  const key = validatorKey(options, keywords, schema);
  const cached = key === undefined ? undefined : cachedValidator(key);
  if (cached) return cached;
  const ajv = compiler();
  const compiled = ajv.compile(schema);
  if (key !== undefined) storeValidator(key, ajv, compiled);
  return compiled;
}
