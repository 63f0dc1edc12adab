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
