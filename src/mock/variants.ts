import type { Vendor } from '../openapi/vendors.ts';
import { MOCK_MODULES, mockModule } from './mock-modules.ts';
import { pickVariants, type Variant } from './variant.ts';

export type { Variant } from './variant.ts';

/** Every doc-correct switch of every reference mock. */
export const VARIANTS: readonly Variant[] = MOCK_MODULES.flatMap((m) => m.variants);

export function variantsOf(vendor: Vendor): Variant[] {
  return [...mockModule(vendor).variants];
}

/**
 * The named variants of a vendor, checked: an unknown name, or two variants answering the same
 * question (one group), is an Error that says which names are valid or which one to drop.
 */
export function findVariants(vendor: Vendor, names: readonly string[]): Variant[] {
  return pickVariants(vendor, mockModule(vendor).variants, names);
}
