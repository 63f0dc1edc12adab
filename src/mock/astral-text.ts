// Text outside the Basic Multilingual Plane (emoji, many CJK ideographs): the astral-chars-mangled
// faults replace it with U+FFFD, and consult the fault only where a write holds some.

const ASTRAL = /[\u{10000}-\u{10FFFF}]/u;
const EVERY_ASTRAL = /[\u{10000}-\u{10FFFF}]/gu;

/** Whether any string in a JSON-like value holds an astral character: a walk, no serialising (it runs on every write). */
export function holdsAstral(value: unknown): boolean {
  if (typeof value === 'string') return ASTRAL.test(value);
  if (typeof value === 'object' && value !== null) {
    for (const key in value) if (holdsAstral((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** A copy of a JSON-like value with every astral character replaced by U+FFFD. */
export function mangleAstral(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(EVERY_ASTRAL, '\uFFFD');
  if (Array.isArray(value)) return value.map(mangleAstral);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mangleAstral(v)]));
  return value;
}
