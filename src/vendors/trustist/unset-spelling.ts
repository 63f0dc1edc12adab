import { ADDRESS_FIELDS, TEXT_FIELDS, type CustomerFields } from './model.ts';

export type UnsetSpelling = 'left out' | 'null';

/**
 * How a record shows the documented optional fields that hold no value: left out, or written as
 * `null` (both documented readings of "no value"), the address's fields included when the record
 * has an address. `stored` is what the record holds; the answer is what the target wrote.
 */
export function unsetSpellings(stored: CustomerFields, answer: unknown): Set<UnsetSpelling> {
  const seen = new Set<UnsetSpelling>();
  if (typeof answer !== 'object' || answer === null) return seen;
  const record = answer as Record<string, unknown>;
  const note = (holder: Record<string, unknown>, field: string) => {
    if (!(field in holder)) seen.add('left out');
    else if (holder[field] === null) seen.add('null');
  };
  for (const field of [...TEXT_FIELDS, 'address'] as const) if (stored[field] === undefined) note(record, field);
  if (stored.address && typeof record.address === 'object' && record.address !== null) {
    for (const field of ADDRESS_FIELDS) if (stored.address[field] === undefined) note(record.address as Record<string, unknown>, field);
  }
  return seen;
}
