import { compileValidators, type SpecValidators } from './compile-validators.ts';
import { cameFromDiskCache, loadSpecFile, saveToDiskCache, SpecError, type LoadedSpec } from './load-spec.ts';
import { readRuleCatalogue, type Rule } from './rule-catalogue.ts';
import { specPath } from './vendors.ts';
import { readXConform, type XConform } from './x-conform.ts';

/** Everything the rest of the project reads from one vendor's spec file. */
export interface VendorSpec {
  spec: LoadedSpec;
  validators: SpecValidators;
  rules: Rule[];
  /** The vendor's facts (credentials, operations, fields, update semantics), validated. */
  conform: XConform;
}

// One cache for the whole process, not one per copy of this module: `conform run` loads it through
// tsx and then again through vitest's own module graph (the global setup that starts the embedded
// mocks), and each copy read and parsed the spec files anew (keyed by the spec's path) in the same process.
const CACHE = Symbol.for('conform.vendor-specs');
const cache: Map<string, Promise<VendorSpec>> = ((globalThis as { [CACHE]?: Map<string, Promise<VendorSpec>> })[CACHE] ??= new Map());

/** A vendor's spec from the project's specs folder. */
export function loadVendorSpec(vendor: string): Promise<VendorSpec> {
  return loadVendorSpecFile(specPath(vendor), vendor);
}

/** The spec at `path`, whatever vendor it describes: the validators, the rule catalogue and the x-conform facts. */
export function loadVendorSpecFile(path: string, expected?: string): Promise<VendorSpec> {
  let loaded = cache.get(path);
  if (!loaded) {
    loaded = loadSpecFile(path).then((spec) => {
      const validators = compileValidators(spec);
      // A spec from the disk cache passed readXConform in the process that cached it, and the
      // cache's key covers the spec's bytes and the code of every check: its ajv validation (the
      // schema's compilation most of all) is not paid again.
      const conform = cameFromDiskCache(spec)
        ? ((spec.raw as unknown as Record<string, unknown>)['x-conform'] as XConform)
        : readXConform(spec.raw, spec.path, [...validators.operations.keys()]);
      const rules = readRuleCatalogue(spec);
      saveToDiskCache(spec);
      return { spec, validators, rules, conform };
    });
    cache.set(path, loaded);
    loaded.catch(() => cache.delete(path));
  }
  return expected === undefined
    ? loaded
    : loaded.then((found) => {
        if (found.spec.vendor !== expected) throw new SpecError(`${path}: x-conform names vendor "${found.spec.vendor}", not "${expected}"`);
        return found;
      });
}
