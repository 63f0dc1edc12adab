import { readFile } from 'node:fs/promises';
import { dereference } from '@apidevtools/json-schema-ref-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { parse } from 'yaml';
import { specPath, type Vendor } from './vendors.ts';

export interface LoadedSpec {
  vendor: Vendor;
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

/** Loads and dereferences a vendor's spec. Cached per path: a run loads each spec once. */
export function loadSpec(vendor: Vendor, path = specPath(vendor)): Promise<LoadedSpec> {
  let loaded = cache.get(path);
  if (!loaded) {
    loaded = readSpec(vendor, path);
    cache.set(path, loaded);
    loaded.catch(() => cache.delete(path));
  }
  return loaded;
}

async function readSpec(vendor: Vendor, path: string): Promise<LoadedSpec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SpecError(`cannot read the ${vendor} spec at ${path}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new SpecError(`the ${vendor} spec at ${path} is not valid YAML: ${(error as Error).message}`);
  }
  if (!isObject(raw) || typeof raw.openapi !== 'string' || !raw.openapi.startsWith('3.1')) {
    throw new SpecError(`the ${vendor} spec at ${path} is not an OpenAPI 3.1 document (no "openapi: 3.1.x")`);
  }
  // Dereference a copy so `raw` keeps its $refs for readers that want the component names.
  const document = (await dereference(structuredClone(raw) as object)) as OpenAPIV3_1.Document;
  return { vendor, path, raw: raw as unknown as OpenAPIV3_1.Document, document };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
