import type { Vendor } from '../openapi/vendors.ts';

/**
 * A named, correct behaviour that the documentation allows but the reference mock does not show
 * by default: a different answer to a question the docs leave open. Unlike a fault, a variant
 * must not make any rule fail; the variants test proves it. Variants of one `group` answer the
 * same question differently, so a mock takes at most one of each group; any others combine, with
 * each other and with a fault.
 */
export interface Variant {
  name: string;
  vendor: Vendor;
  group: string;
  /** The rules that meet this behaviour and must accept it (observing it where they record). */
  rules: string[];
  /** What the docs leave open, and which reading this variant takes. */
  description: string;
}

/**
 * The named variants of one mock's catalogue, checked: an unknown name, or two variants answering
 * the same question (one group), is an Error that says which names are valid or which one to drop.
 */
export function pickVariants(vendor: Vendor, catalogue: readonly Variant[], names: readonly string[]): Variant[] {
  const found: Variant[] = [];
  for (const name of new Set(names)) {
    const variant = catalogue.find((v) => v.name === name);
    if (!variant) throw new Error(`unknown ${vendor} variant "${name}"; valid: ${catalogue.map((v) => v.name).join(', ')}`);
    const rival = found.find((v) => v.group === variant.group);
    if (rival) throw new Error(`${vendor} variants "${rival.name}" and "${name}" answer the same question (${variant.group}); pick one`);
    found.push(variant);
  }
  return found;
}
