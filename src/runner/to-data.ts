import fc from 'fast-check';

/**
 * A JSON value for a report. Plain data passes through; anything else (fast-check's command
 * sequences, class instances, functions, undefined inside arrays) becomes fast-check's own
 * readable rendering, because outcomes cross process boundaries and land in results.json.
 */
export function toData(value: unknown): unknown {
  return isPlainData(value, 0) ? value : fc.stringify(value);
}

function isPlainData(value: unknown, depth: number): boolean {
  if (depth > 50) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => item !== undefined && isPlainData(item, depth + 1));
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value as Record<string, unknown>).every((item) => item === undefined || isPlainData(item, depth + 1));
}
