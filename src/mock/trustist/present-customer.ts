import { ADDRESS_FIELDS, CUSTOMER_FIELDS, type Customer } from './customer-store.ts';
import type { TrustistVariantName } from './variants.ts';

/**
 * A stored customer as the response writes it. By default exactly the record (absent fields left
 * out, instants as `…Z`); the variants write the same data the other ways the docs allow: an
 * absent optional property as `null` (`absent-as-null`), and on reads (`read` true: get and list)
 * an instant with the offset `+00:00` (`timestamps-offset`), so the same instant is spelt one way
 * by a write's answer and another by a later read. The store never sees these spellings.
 */
export function presentCustomer(record: Customer, variants: ReadonlySet<TrustistVariantName>, read: boolean): unknown {
  const offset = read && variants.has('timestamps-offset');
  if (!variants.has('absent-as-null') && !offset) return record;
  const shown: Record<string, unknown> = { ...record };
  if (variants.has('absent-as-null')) {
    for (const field of CUSTOMER_FIELDS) shown[field] ??= null;
    if (record.address) shown.address = Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, record.address![f] ?? null]));
  }
  if (offset) {
    shown.created = withOffset(record.created);
    shown.lastUpdated = withOffset(record.lastUpdated);
  }
  return shown;
}

function withOffset(instant: string): string {
  return instant.endsWith('Z') ? `${instant.slice(0, -1)}+00:00` : instant;
}
