type Data = Record<string, unknown>;
const isObject = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

/** How a list answer holds its records: a bare array, or one property of an object. */
export type ListShape = { kind: 'array' } | { kind: 'object'; key: string; otherFields: string[] };

/**
 * The records of a list answer and its shape: under x-conform's listEnvelope when it names one,
 * else a bare array or the one array-valued property of an object (a vendor that does not
 * document its list body). Undefined when the answer is neither.
 */
export function listOf(json: unknown, envelope: string | undefined): { records: Data[]; shape: ListShape } | undefined {
  if (Array.isArray(json) && envelope === undefined) return { records: json.filter(isObject), shape: { kind: 'array' } };
  if (!isObject(json)) return undefined;
  const arrays = Object.keys(json).filter((k) => Array.isArray(json[k]));
  const key = envelope ?? (arrays.length === 1 ? arrays[0] : undefined);
  if (key === undefined || !Array.isArray(json[key])) return undefined;
  return { records: (json[key] as unknown[]).filter(isObject), shape: { kind: 'object', key, otherFields: Object.keys(json).filter((k) => k !== key).sort() } };
}
