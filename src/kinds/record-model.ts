import { isDeepStrictEqual } from 'node:util';
import type { TimestampEncoding } from '../openapi/x-conform.ts';

// A vendor-neutral model of a stored record, built from the spec alone: the fields the create and
// update bodies document, and how a write changes them. Pure functions, no I/O: the stateful kind
// checks every answer of the target against it.

export type Data = Record<string, unknown>;

/** The documented fields of a record: top-level names, and the fields of those that are objects. */
export interface RecordShape {
  fields: string[];
  /** The fields of each documented object field (address: its lines), by the object's name. */
  objects: Record<string, string[]>;
}

/** How a write applies: x-conform's update facts, and the fields the target may fill in itself. */
export interface WriteRules {
  /** Fields a write omits keep their values (else they are dropped). */
  partial: boolean;
  /** An object field in a write: merged into the stored one, replacing it, or either (undocumented). */
  nestedObjects?: 'merge' | 'replace' | 'undocumented';
}

/** A value as the target receives it: the JSON round trip turns -0 into 0 and drops undefined. */
export function asSent<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The documented fields a body or record carries, normalised so that the two ways of showing "no
 * value" (absent, or null) compare equal, inside documented objects too; an object with no field
 * left counts as absent. Fields the docs do not name are ignored: vendors add their own.
 */
export function dataOf(value: unknown, shape: RecordShape): Data {
  const out: Data = {};
  if (!isObject(value)) return out;
  for (const field of shape.fields) {
    const v = asSent(value[field]);
    if (v === undefined || v === null) continue;
    const inner = shape.objects[field];
    if (inner && isObject(v)) {
      const kept = Object.fromEntries(inner.filter((f) => v[f] !== undefined && v[f] !== null).map((f) => [f, v[f]]));
      if (Object.keys(kept).length > 0) out[field] = kept;
    } else out[field] = v;
  }
  return out;
}

/**
 * The records a write may leave behind. A value replaces, null clears, an omitted field keeps its
 * value (x-conform update.partial). An object field is merged or replaced as x-conform's
 * update.nestedObjects says; where it says the docs are open, both outcomes are returned, and the
 * caller keeps both until the target shows which.
 */
export function afterWrite(before: Data, body: Data, shape: RecordShape, rules: WriteRules): Data[] {
  const sent = asSent(body);
  const base: Data = rules.partial ? { ...before } : {};
  const objects: string[] = [];
  for (const field of shape.fields) {
    if (!(field in sent)) continue;
    const value = sent[field];
    if (value === null) delete base[field];
    else if (shape.objects[field] && isObject(value) && rules.nestedObjects !== undefined && rules.nestedObjects !== 'replace') objects.push(field);
    else base[field] = value;
  }
  const merged = objects.reduce<Data>((acc, field) => ({ ...acc, [field]: { ...(isObject(before[field]) ? before[field] : {}), ...(sent[field] as Data) } }), base);
  const replaced = objects.reduce<Data>((acc, field) => ({ ...acc, [field]: sent[field] }), base);
  const outcomes = rules.nestedObjects === 'merge' ? [merged] : rules.nestedObjects === 'undocumented' ? [merged, replaced] : [replaced];
  return distinct(outcomes.map((o) => dataOf(o, shape)));
}

/** The candidates without repeats. */
export function distinct(candidates: Data[]): Data[] {
  return candidates.filter((c, i) => candidates.findIndex((d) => isDeepStrictEqual(c, d)) === i);
}

/**
 * The documented fields on which a record differs from a candidate. A field in `defaults` that
 * the candidate holds no value for may hold any value: the target may fill it in (x-ambiguity).
 */
export function differingFields(actual: Data, candidate: Data, defaults: readonly string[] = []): string[] {
  return [...new Set([...Object.keys(actual), ...Object.keys(candidate)])].filter(
    (field) => !isDeepStrictEqual(actual[field], candidate[field]) && !(defaults.includes(field) && candidate[field] === undefined),
  );
}

/** The fields of `expected` that an answer leaves out or shows otherwise (an echo: extra fields are allowed). */
export function missingFromEcho(actual: Data, expected: Data): string[] {
  return Object.entries(expected).flatMap(([field, value]) => {
    const got = actual[field];
    if (!isObject(value)) return isDeepStrictEqual(got, value) ? [] : [field];
    return Object.entries(value).filter(([inner, v]) => !isObject(got) || !isDeepStrictEqual(got[inner], v)).map(([inner]) => `${field}.${inner}`);
  });
}

/**
 * Whether an answer agrees with a candidate on the documented fields it carries (the property
 * present, value or null): an answer that may leave fields out is judged on what it shows.
 */
export function agreesWhereCarried(answer: unknown, candidate: Data, shape: RecordShape): boolean {
  if (!isObject(answer)) return false;
  const shown = dataOf(answer, shape);
  return shape.fields.filter((field) => field in answer).every((field) => isDeepStrictEqual(shown[field], candidate[field]));
}

/**
 * The body a client posting back the whole object sends (fetch, edit, post back: the vendor's
 * advice): every stored field the body omits, with its stored value. Its outcome is then the same
 * whether the target keeps or drops what a write omits.
 */
export function withStoredValues(body: Data, stored: Data): Data {
  const whole: Data = { ...body };
  for (const [field, value] of Object.entries(stored)) if (!(field in whole)) whole[field] = value;
  return whole;
}

const RFC3339 = /^(\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d)(?:\.(\d+))?([Zz]|[+-]\d\d:\d\d)$/;

/**
 * A stamp as the instant it names (epoch ms, fractions kept), or the value itself when it is not
 * in the encoding: …T14:30:00Z and …T14:30:00+00:00 are one instant, and the docs promise the
 * instant, not its spelling.
 */
export function instantOf(value: unknown, encoding: TimestampEncoding): unknown {
  if (encoding !== 'rfc3339') return typeof value === 'number' ? (encoding === 'unix-s' ? value * 1000 : value) : value;
  const m = typeof value === 'string' ? RFC3339.exec(value) : null;
  if (!m) return value;
  const whole = Date.parse(`${m[1]}${m[3]!.toUpperCase()}`);
  return Number.isNaN(whole) ? value : whole + (m[2] ? Number(`0.${m[2]}`) * 1000 : 0);
}
