import { ADDRESS_FIELDS, CUSTOMER_FIELDS, type Customer } from './customer-store.ts';
import type { TrustistVariantName } from './variants.ts';

/**
 * A stored customer as the response writes it. By default exactly the record (absent fields left
 * out, instants as `…Z`); the variants write the same data the other ways the docs allow: an
 * absent optional property as `null` (`absent-as-null`), and on reads (`read` true: get and list)
 * an instant with the offset `+00:00` (`timestamps-offset`), so the same instant is spelt one way
 * by a write's answer and another by a later read; and instants of a clock of whole seconds
 * (`timestamps-whole-seconds`), as the docs' examples show them. The store never sees these spellings.
 */
export function presentCustomer(record: Customer, variants: ReadonlySet<TrustistVariantName>, read: boolean): unknown {
  const offset = read && variants.has('timestamps-offset');
  const seconds = variants.has('timestamps-whole-seconds');
  if (!variants.has('absent-as-null') && !offset && !seconds) return record;
  const shown: Record<string, unknown> = { ...record };
  if (seconds) {
    shown.created = toWholeSecond(record.created);
    shown.lastUpdated = toWholeSecond(record.lastUpdated);
  }
  if (variants.has('absent-as-null')) {
    for (const field of CUSTOMER_FIELDS) shown[field] ??= null;
    if (record.address) shown.address = Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, record.address![f] ?? null]));
  }
  if (offset) {
    shown.created = withOffset(shown.created as string);
    shown.lastUpdated = withOffset(shown.lastUpdated as string);
  }
  return shown;
}

/**
 * The instant cut to its second, as a clock of whole seconds stamps it, with the milliseconds
 * still written: the harder spelling for a client, which cannot tell the precision from the
 * number of digits.
 */
function toWholeSecond(instant: string): string {
  return instant.replace(/\.\d+(?=Z$)/, '.000');
}

function withOffset(instant: string): string {
  return instant.endsWith('Z') ? `${instant.slice(0, -1)}+00:00` : instant;
}
