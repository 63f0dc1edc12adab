import { OPTIONAL_FIELDS, type CustomerData } from './model.ts';

export type UnsetSpelling = 'left out' | 'null';

/**
 * How a customer shows the documented optional properties that hold no value: left out, or
 * written as `null` (the docs do not say which). `stored` is what the customer holds; the answer
 * is what the target wrote.
 */
export function unsetSpellings(stored: CustomerData, answer: Record<string, unknown>): Set<UnsetSpelling> {
  const seen = new Set<UnsetSpelling>();
  for (const field of OPTIONAL_FIELDS) {
    if (stored[field] !== undefined) continue;
    if (!(field in answer)) seen.add('left out');
    else if (answer[field] === null) seen.add('null');
  }
  return seen;
}
