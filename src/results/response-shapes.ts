// How response fields are recorded while checks run: the raw material of the behaviour fingerprint.

/** JSON pointer (array items as `*`) -> the JSON types seen there, sorted. */
export type FieldShapes = Record<string, string[]>;

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Adds every field of `value` to `shapes`, keyed by pointer; array items share the pointer `/*`. */
export function addShape(shapes: Map<string, Set<string>>, value: unknown, pointer = ''): void {
  const types = shapes.get(pointer) ?? new Set<string>();
  types.add(jsonType(value));
  shapes.set(pointer, types);
  if (Array.isArray(value)) {
    for (const item of value) addShape(shapes, item, `${pointer}/*`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) addShape(shapes, item, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
  }
}

export function toRecord(shapes: Map<string, Map<string, Set<string>>>): Record<string, FieldShapes> {
  const out: Record<string, FieldShapes> = {};
  for (const key of [...shapes.keys()].sort()) {
    const fields: FieldShapes = {};
    const map = shapes.get(key)!;
    for (const pointer of [...map.keys()].sort()) fields[pointer] = [...map.get(pointer)!].sort();
    out[key] = fields;
  }
  return out;
}
