import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBodies, updatePatches } from './request-bodies.ts';
import type { Schema } from './schema.ts';

const SCHEMA: Schema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    note: { type: ['string', 'null'] },
    address: { type: 'object', properties: { city: { type: 'string' }, zip: { type: ['string', 'null'] } } },
    ref: { type: 'string' },
  },
};

describe('createBodies', () => {
  it('sets every field, nested ones too, never null, by default', () => {
    for (const body of fc.sample(createBodies(SCHEMA, { without: ['ref'] }), { numRuns: 100, seed: 1 })) {
      expect(Object.keys(body).sort()).toEqual(['address', 'name', 'note']);
      expect(Object.keys(body.address as object).sort()).toEqual(['city', 'zip']);
      expect(Object.values(body)).not.toContain(null);
    }
  });

  it('draws any subset that keeps the required fields', () => {
    const bodies = fc.sample(createBodies(SCHEMA, { fields: 'any' }), { numRuns: 300, seed: 1 });
    expect(bodies.every((b) => typeof b.name === 'string')).toBe(true);
    expect(bodies.some((b) => Object.keys(b).length === 1)).toBe(true);
    expect(bodies.some((b) => Object.keys(b).length === 4)).toBe(true);
  });
});

describe('updatePatches', () => {
  it('makes every property optional and draws null sometimes', () => {
    const patches = fc.sample(updatePatches(SCHEMA, { without: ['ref'] }), { numRuns: 300, seed: 1 });
    expect(patches.some((p) => Object.keys(p).length < 3)).toBe(true);
    expect(patches.some((p) => p.note === null)).toBe(true);
    expect(patches.every((p) => !('ref' in p))).toBe(true);
  });

  it('draws values only with nulls: false', () => {
    for (const patch of fc.sample(updatePatches(SCHEMA, { nulls: false }), { numRuns: 300, seed: 1 })) {
      expect(Object.values(patch)).not.toContain(null);
      if (patch.address) expect(Object.values(patch.address as object)).not.toContain(null);
    }
  });
});
