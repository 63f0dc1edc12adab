import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { US_STATES } from './postal-address.ts';
import { schemaArbitrary } from './schema-arbitrary.ts';
import type { Schema } from './schema.ts';

const sample = (schema: Schema, options = {}, numRuns = 300) => fc.sample(schemaArbitrary(schema, options), { numRuns, seed: 3 });

describe('x-conform-values', () => {
  it('draws what the named generator draws, with its parameters', () => {
    const lines = sample({ type: 'string', 'x-conform-values': { name: 'text', minLength: 3, maxLength: 5 } }) as string[];
    expect(lines.every((s) => [...s].length >= 3 && [...s].length <= 5 && s.trim() === s)).toBe(true);
    const tiers = sample({ type: 'string', 'x-conform-values': { name: 'one-of', values: ['Gold', 'Diamond'] } });
    expect(new Set(tiers)).toEqual(new Set(['Gold', 'Diamond']));
  });

  it('draws null once in four where the schema allows it, and never when asked for values only', () => {
    const schema: Schema = { type: ['string', 'null'], 'x-conform-values': 'person-name' };
    const nulls = sample(schema, {}, 2000).filter((v) => v === null).length;
    expect(nulls).toBeGreaterThan(350);
    expect(nulls).toBeLessThan(650);
    expect(sample(schema, { nulls: false })).not.toContain(null);
  });

  it('draws rich text only in the rich style', () => {
    const schema: Schema = { type: 'string', 'x-conform-values': 'full-name' };
    const astral = (values: unknown[]) => values.filter((v) => /[\u{10000}-\u{10FFFF}]/u.test(String(v))).length;
    expect(astral(sample(schema))).toBe(0);
    expect(astral(sample(schema, { style: 'rich' }))).toBeGreaterThan(90);
  });

  it('draws the country, state and postal code of an address together', () => {
    const address: Schema = {
      type: 'object',
      required: ['country'],
      'x-conform-values': 'postal-address',
      properties: {
        country: { type: 'string', enum: ['US', 'CA', 'FR'], 'x-conform-values': 'country' },
        state: { type: 'string', 'x-conform-values': 'region' },
        zip: { type: 'string', 'x-conform-values': 'postal-code' },
      },
    };
    const drawn = sample(address, {}, 500) as { country: string; state?: string; zip?: string }[];
    // Any listed country (the US too) may come with free-form text; a US ZIP+4 or a Canadian code never does.
    expect(drawn.filter((a) => a.country === 'US' && US_STATES.includes(a.state as never)).length).toBeGreaterThan(100);
    for (const a of drawn) {
      if (/^\d{5}-\d{4}$/.test(a.zip ?? '')) expect(a.country).toBe('US');
      if (/^[A-Z]\d[A-Z] \d[A-Z]\d$/.test(a.zip ?? '')) expect(a.country).toBe('CA');
    }
    expect(drawn.some((a) => /^\d{5}-\d{4}$/.test(a.zip ?? ''))).toBe(true);
    expect(drawn.some((a) => /^[A-Z]\d[A-Z] \d[A-Z]\d$/.test(a.zip ?? ''))).toBe(true);
    expect(drawn.some((a) => a.country === 'FR')).toBe(true);
  });

  it('shrinks a failing value to a small one', () => {
    const schema: Schema = { type: 'string', 'x-conform-values': { name: 'text', minLength: 1, maxLength: 110 } };
    const result = fc.check(
      fc.property(schemaArbitrary(schema, { style: 'rich' }), (s) => [...(s as string)].length <= 8),
      { seed: 5 },
    );
    expect(result.failed).toBe(true);
    expect([...(result.counterexample![0] as string)].length).toBe(9);
  });

  it('refuses an unknown generator or parameter, naming where', () => {
    expect(() => schemaArbitrary({ type: 'object', properties: { a: { type: 'string', 'x-conform-values': 'nope' } } })).toThrow(/x-conform-values at \/a: no generator "nope"/);
    expect(() => schemaArbitrary({ type: 'string', 'x-conform-values': { name: 'person-name', maxLength: 3 } }, {}, '/n')).toThrow(/at \/n: person-name takes no parameter maxLength/);
    expect(() => schemaArbitrary({ type: 'string', 'x-conform-values': { name: 'text', maxLength: -1 } })).toThrow(/maxLength must be a whole number/);
    expect(() => schemaArbitrary({ type: 'string', 'x-conform-values': 42 })).toThrow(/expected a generator's name/);
  });
});
