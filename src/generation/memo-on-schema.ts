/**
 * Built once per schema object and key. fast-check's arbitraries are immutable and draw nothing
 * when built, so one reused draws exactly the values a fresh one would; the same holds for the
 * lists of mutations built from a schema. Properties ask for their arbitraries on every run (a
 * chain per draw, a body per request), and building them (fast-check's string tables, the named
 * generators) took a fifth of a run's CPU.
 */
const built = new WeakMap<object, Map<string, unknown>>();

export function memoOnSchema<T>(schema: object, key: string, build: () => T): T {
  let bySchema = built.get(schema);
  if (!bySchema) built.set(schema, (bySchema = new Map()));
  if (!bySchema.has(key)) bySchema.set(key, build());
  return bySchema.get(key) as T;
}
