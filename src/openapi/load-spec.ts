import { readFile } from 'node:fs/promises';
import type { OpenAPIV3_1 } from 'openapi-types';
import { encodeSpecCache, readSpecCache, specCacheKey, writeSpecCache } from './spec-cache.ts';
import { specPath } from './vendors.ts';

export interface LoadedSpec {
  /** The vendor's name, as the spec's `x-conform` gives it: the first part of every rule id. */
  vendor: string;
  path: string;
  /** The document as written, `$ref`s intact: the place to read `x-` annotations from. */
  raw: OpenAPIV3_1.Document;
  /** The same document with every `$ref` replaced by its target, ready for schema compilation. */
  document: OpenAPIV3_1.Document;
}

export class SpecError extends Error {
  override name = 'SpecError';
}

const cache = new Map<string, Promise<LoadedSpec>>();
/** Specs read back from the disk cache (spec-cache.ts): an earlier process loaded and validated them. */
const fromDisk = new WeakSet<LoadedSpec>();
/** Specs read from their source, each with the write of its cache entry, done once it has validated. */
const unsaved = new WeakMap<LoadedSpec, () => void>();

/** Whether the spec came from the disk cache, which holds only specs that passed every check of loadVendorSpecFile. */
export function cameFromDiskCache(spec: LoadedSpec): boolean {
  return fromDisk.has(spec);
}

/** Keeps the spec in the disk cache: to be called once it has passed every check. */
export function saveToDiskCache(spec: LoadedSpec): void {
  unsaved.get(spec)?.();
  unsaved.delete(spec);
}

/** Loads and dereferences a vendor's spec. Cached per path: a run loads each spec once. */
export function loadSpec(vendor: string, path = specPath(vendor)): Promise<LoadedSpec> {
  return loadSpecFile(path, vendor);
}

/**
 * Loads and dereferences the spec at `path`; its vendor is the one its `x-conform` names (which
 * must be `expected`, when given). Adding a vendor is adding its spec: nothing else lists vendors.
 */
export function loadSpecFile(path: string, expected?: string): Promise<LoadedSpec> {
  let loaded = cache.get(path);
  if (!loaded) {
    loaded = readSpec(path);
    cache.set(path, loaded);
    loaded.catch(() => cache.delete(path));
  }
  return expected === undefined
    ? loaded
    : loaded.then((spec) => {
        if (spec.vendor !== expected) throw new SpecError(`${path}: x-conform names vendor "${spec.vendor}", not "${expected}"`);
        return spec;
      });
}

async function readSpec(path: string): Promise<LoadedSpec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SpecError(`cannot read the spec at ${path}: ${(error as Error).message}`);
  }
  const key = specCacheKey(text);
  const cached = readSpecCache(key);
  if (cached) {
    const spec: LoadedSpec = { vendor: cached.vendor, path, raw: cached.raw as OpenAPIV3_1.Document, document: cached.document as OpenAPIV3_1.Document };
    fromDisk.add(spec);
    return spec;
  }
  // Loaded only when the cache has no entry: importing them is a large part of reading a spec.
  const [{ parse }, { dereference }] = await Promise.all([import('yaml'), import('@apidevtools/json-schema-ref-parser')]);
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new SpecError(`the spec at ${path} is not valid YAML: ${(error as Error).message}`);
  }
  if (!isObject(raw) || typeof raw.openapi !== 'string' || !raw.openapi.startsWith('3.1')) {
    throw new SpecError(`the spec at ${path} is not an OpenAPI 3.1 document (no "openapi: 3.1.x")`);
  }
  const conform = raw['x-conform'];
  const vendor = isObject(conform) ? conform.vendor : undefined;
  if (typeof vendor !== 'string' || vendor === '') {
    throw new SpecError(`${path}: x-conform names no vendor; add an x-conform block with "vendor: <name>" (see src/openapi/x-conform.schema.json)`);
  }
  // Dereference a copy so `raw` keeps its $refs for readers that want the component names.
  const document = (await dereference(structuredClone(raw) as object)) as OpenAPIV3_1.Document;
  const spec: LoadedSpec = { vendor, path, raw: raw as unknown as OpenAPIV3_1.Document, document };
  // Encoded now, before any reader could change the objects; written only once the spec validates.
  const entry = encodeSpecCache(key, spec);
  if (entry !== undefined) unsaved.set(spec, () => writeSpecCache(key, entry));
  return spec;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
