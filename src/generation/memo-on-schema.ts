import type fc from 'fast-check';

/**
 * Built once per schema object and key: fast-check's arbitraries are immutable and draw nothing
 * when built, so one reused draws exactly the values a fresh one would. Properties ask for their
 * arbitraries on every run (a chain per draw, a body per request), and building them (fast-check's
 * string tables, the named generators) took a fifth of a run's CPU.
 */
const built = new WeakMap<object, Map<string, fc.Arbitrary<unknown>>>();

export function memoArbitrary<T>(schema: object, key: string, build: () => fc.Arbitrary<T>): fc.Arbitrary<T> {
  let bySchema = built.get(schema);
  if (!bySchema) built.set(schema, (bySchema = new Map()));
  let arbitrary = bySchema.get(key);
  if (!arbitrary) bySchema.set(key, (arbitrary = build()));
  return arbitrary as fc.Arbitrary<T>;
}

/** The same for any other value built from a schema (a list of mutations). */
const derived = new WeakMap<object, Map<string, unknown>>();

export function memoDerived<T>(schema: object, key: string, build: () => T): T {
  let bySchema = derived.get(schema);
  if (!bySchema) derived.set(schema, (bySchema = new Map()));
  if (!bySchema.has(key)) bySchema.set(key, build());
  return bySchema.get(key) as T;
}
