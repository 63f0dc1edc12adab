import fc from 'fast-check';
import type { CheckContext } from '../runner/check-context.ts';
import { mutationsOf, setAt, type Mutation, type MutationKind } from '../generation/invalid-arbitrary.ts';
import { isObject, type Data } from './operation-client.ts';
import { requestSchema } from './record-bodies.ts';

/** A body to send: JSON, or a text sent as it is (malformed JSON, say), and what breaks it. */
export interface Broken {
  json?: unknown;
  raw?: string;
  what: string;
}

const KINDS: MutationKind[] = ['wrong-type', 'null', 'missing', 'empty', 'enum', 'format'];

/**
 * Valid bodies broken by the create request schema's mutations of the kinds params.mutations
 * names (invalid-arbitrary.ts), at params.pointers (default: every property but the ids, the tag
 * and the upsert keys, which the run sets itself), and by params.values: { pointer, value } pairs
 * the docs name. With params.every each draw holds every one of them, on the same valid body;
 * else one, and the values are the examples every run of the property tries first.
 */
export function brokenBodies(ctx: CheckContext, params: Record<string, unknown>, valid: fc.Arbitrary<Data>): { bodies: fc.Arbitrary<Broken[]>; examples: Broken[][] } {
  const { conform } = ctx.spec;
  const kinds = params.mutations ?? [];
  if (!Array.isArray(kinds) || !kinds.every((k) => KINDS.includes(k as MutationKind))) throw new Error(`${ctx.rule}: params.mutations must list some of ${KINDS.join(', ')}, not ${JSON.stringify(kinds)}`);
  const pointers = params.pointers;
  if (pointers !== undefined && (!Array.isArray(pointers) || !pointers.every((p) => typeof p === 'string'))) throw new Error(`${ctx.rule}: params.pointers must list JSON pointers, not ${JSON.stringify(pointers)}`);
  const reserved = new Set([conform.record.id, conform.record.tag.field, ...conform.record.immutable, ...(conform.update.upsertKeys ?? [])]);
  const chosen = mutationsOf(requestSchema(ctx, conform.operations.create)).filter(
    (m) => kinds.includes(m.kind) && (pointers ? pointers.includes(m.pointer) : !reserved.has(m.pointer.split('/')[1]!)),
  );
  const values = params.values ?? [];
  if (!Array.isArray(values) || !values.every((v) => isObject(v) && typeof v.pointer === 'string')) throw new Error(`${ctx.rule}: params.values must list { pointer, value } pairs, not ${JSON.stringify(values)}`);
  const fixed = (values as { pointer: string; value: unknown }[]).map(({ pointer, value }) => ({ pointer, mutation: `set to ${JSON.stringify(value)}`, apply: (base: Data) => fc.constant(setAt(base, pointer, value)) }));
  if (chosen.length === 0) throw new Error(`${ctx.rule}: the create request schema admits no mutation of ${JSON.stringify(kinds)} at ${JSON.stringify(pointers ?? 'any property')}`);
  const broken = (base: Data, m: Pick<Mutation, 'pointer' | 'mutation' | 'apply'>) => m.apply(base).map((json): Broken => ({ json, what: `${m.pointer} ${m.mutation}` }));
  if (params.every === true) return { bodies: valid.chain((base) => fc.tuple(...[...chosen, ...fixed].map((m) => broken(base, m)))), examples: [] };
  const bases = fc.sample(valid, { seed: ctx.seed, numRuns: fixed.length });
  return {
    bodies: valid.chain((base) => fc.constantFrom(...chosen).chain((m) => broken(base, m))).map((b) => [b]),
    examples: fixed.map((m, i) => fc.sample(broken(bases[i]!, m), 1)),
  };
}

/** Texts that are not a JSON object: `valid` truncated, with a trailing comma, in an array, as a string; a number, null, nothing. */
export function rawBodies(valid: Data): Broken[] {
  const text = JSON.stringify(valid);
  return [text.slice(0, -1), `${text},`, `[${text}]`, JSON.stringify(text), '42', 'null', ''].map((raw) => ({ raw, what: `the body ${JSON.stringify(raw.slice(0, 60))}` }));
}
