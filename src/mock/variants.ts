import type { Vendor } from '../openapi/vendors.ts';
import { TRUSTIST_VARIANTS } from './trustist/variants.ts';
import { TRUSTLY_VARIANTS } from './trustly/variants.ts';
import type { Variant } from './variant.ts';

export type { Variant } from './variant.ts';

/** Every doc-correct switch of both reference mocks. */
export const VARIANTS: readonly Variant[] = [...TRUSTIST_VARIANTS, ...TRUSTLY_VARIANTS];

export function variantsOf(vendor: Vendor): Variant[] {
  return VARIANTS.filter((v) => v.vendor === vendor);
}

/**
 * The named variants of a vendor, checked: an unknown name, or two variants answering the same
 * question (one group), is an Error that says which names are valid or which one to drop.
 */
export function findVariants(vendor: Vendor, names: readonly string[]): Variant[] {
  const found: Variant[] = [];
  for (const name of new Set(names)) {
    const variant = VARIANTS.find((v) => v.vendor === vendor && v.name === name);
    if (!variant) throw new Error(`unknown ${vendor} variant "${name}"; valid: ${variantsOf(vendor).map((v) => v.name).join(', ')}`);
    const rival = found.find((v) => v.group === variant.group);
    if (rival) throw new Error(`${vendor} variants "${rival.name}" and "${name}" answer the same question (${variant.group}); pick one`);
    found.push(variant);
  }
  return found;
}
