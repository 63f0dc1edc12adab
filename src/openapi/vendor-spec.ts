import { compileValidators, type SpecValidators } from './compile-validators.ts';
import { loadSpec, type LoadedSpec } from './load-spec.ts';
import { readRuleCatalogue, type Rule } from './rule-catalogue.ts';
import type { Vendor } from './vendors.ts';

/** Everything the rest of the project reads from one vendor's spec file. */
export interface VendorSpec {
  spec: LoadedSpec;
  validators: SpecValidators;
  rules: Rule[];
}

// One cache for the whole process, not one per copy of this module: `conform run` loads it through
// tsx and then again through vitest's own module graph (the global setup that starts the embedded
// mocks), and each copy read and parsed the spec files anew in the same process.
const CACHE = Symbol.for('conform.vendor-specs');
const cache: Map<Vendor, Promise<VendorSpec>> = ((globalThis as { [CACHE]?: Map<Vendor, Promise<VendorSpec>> })[CACHE] ??= new Map());

export function loadVendorSpec(vendor: Vendor): Promise<VendorSpec> {
  let loaded = cache.get(vendor);
  if (!loaded) {
    loaded = loadSpec(vendor).then((spec) => ({ spec, validators: compileValidators(spec), rules: readRuleCatalogue(spec) }));
    cache.set(vendor, loaded);
    loaded.catch(() => cache.delete(vendor));
  }
  return loaded;
}
