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

const cache = new Map<Vendor, Promise<VendorSpec>>();

export function loadVendorSpec(vendor: Vendor): Promise<VendorSpec> {
  let loaded = cache.get(vendor);
  if (!loaded) {
    loaded = loadSpec(vendor).then((spec) => ({ spec, validators: compileValidators(spec), rules: readRuleCatalogue(spec) }));
    cache.set(vendor, loaded);
    loaded.catch(() => cache.delete(vendor));
  }
  return loaded;
}
