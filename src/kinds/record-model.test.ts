import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterWrite, agreesWhereCarried, dataOf, differingFields, instantOf, missingFromEcho, withStoredValues, type RecordShape } from './record-model.ts';

const SHAPE: RecordShape = { fields: ['name', 'tag', 'address', 'custom'], objects: { address: ['city', 'country'] } };
const text = fc.string({ maxLength: 4 });
const address = fc.record({ city: fc.option(text), country: fc.option(text) }, { requiredKeys: [] });
const record = fc.record({ name: text, tag: text, address, custom: fc.dictionary(text, fc.option(text)) }, { requiredKeys: [] }).map((r) => dataOf(r, SHAPE));
const patch = fc.record({ name: fc.option(text), address: fc.option(address), custom: fc.option(fc.dictionary(text, text)) }, { requiredKeys: [] });

describe('dataOf', () => {
  it('reads null and absent alike, inside documented objects too, and ignores undocumented fields', () => {
    expect(dataOf({ name: null, tag: 't', address: { city: null, country: 'GB', extra: 1 }, other: 2 }, SHAPE)).toEqual({ tag: 't', address: { country: 'GB' } });
    expect(dataOf({ address: { city: null } }, SHAPE)).toEqual({});
  });

  it('keeps the nulls of an object the docs do not describe (its contents are data)', () => {
    expect(dataOf({ custom: { a: null } }, SHAPE)).toEqual({ custom: { a: null } });
  });
});

describe('afterWrite', () => {
  it('keeps omitted fields, clears nulls and sets values (partial updates)', () => {
    fc.assert(
      fc.property(record, patch, (before, body) => {
        for (const after of afterWrite(before, body, SHAPE, { partial: true, nestedObjects: 'replace' })) {
          for (const field of SHAPE.fields) {
            if (!(field in body)) expect(after[field]).toEqual(before[field]);
            else if ((body as Record<string, unknown>)[field] === null) expect(after[field]).toBeUndefined();
          }
        }
      }),
    );
  });

  it('keeps both outcomes of an object write where the docs are open, one where they say which', () => {
    const before = { address: { city: 'Leeds', country: 'GB' } };
    const body = { address: { city: 'York' } };
    expect(afterWrite(before, body, SHAPE, { partial: true, nestedObjects: 'undocumented' })).toEqual([{ address: { city: 'York', country: 'GB' } }, { address: { city: 'York' } }]);
    expect(afterWrite(before, body, SHAPE, { partial: true, nestedObjects: 'merge' })).toEqual([{ address: { city: 'York', country: 'GB' } }]);
    expect(afterWrite(before, body, SHAPE, { partial: true })).toEqual([{ address: { city: 'York' } }]);
    expect(afterWrite(before, { address: { country: null } }, SHAPE, { partial: true, nestedObjects: 'merge' })).toEqual([{ address: { city: 'Leeds' } }]);
  });

  it('drops what a write omits when updates are not partial', () => {
    expect(afterWrite({ name: 'a', tag: 't' }, { name: 'b' }, SHAPE, { partial: false })).toEqual([{ name: 'b' }]);
  });

  it('posting back the whole object gives the same outcome whether or not omitted fields are kept', () => {
    fc.assert(
      fc.property(record, patch, (before, body) => {
        const whole = withStoredValues(body, before);
        expect(afterWrite(before, whole, SHAPE, { partial: false })).toEqual(afterWrite(before, whole, SHAPE, { partial: true }));
      }),
    );
  });
});

describe('judging answers', () => {
  it('names the fields that differ; a field the target may default differs only when the model holds a value', () => {
    expect(differingFields({ name: 'a', tag: 'x' }, { name: 'a' })).toEqual(['tag']);
    expect(differingFields({ name: 'a', tag: 'x' }, { name: 'a' }, ['tag'])).toEqual([]);
    expect(differingFields({ name: 'a', tag: 'x' }, { name: 'a', tag: 'y' }, ['tag'])).toEqual(['tag']);
  });

  it('an echo may carry more than was sent, never less or otherwise', () => {
    expect(missingFromEcho({ name: 'a', tag: 't', address: { city: 'c', country: 'GB' } }, { name: 'a', address: { city: 'c' } })).toEqual([]);
    expect(missingFromEcho({ name: 'a', address: { country: 'GB' } }, { name: 'a', address: { city: 'c' } })).toEqual(['address.city']);
  });

  it('an answer that leaves fields out is judged on those it carries (null carries "no value")', () => {
    expect(agreesWhereCarried({ name: 'a' }, { name: 'a', tag: 't' }, SHAPE)).toBe(true);
    expect(agreesWhereCarried({ name: 'a', tag: null }, { name: 'a', tag: 't' }, SHAPE)).toBe(false);
    expect(agreesWhereCarried({ name: 'b' }, { name: 'a' }, SHAPE)).toBe(false);
  });

  it('compares stamps as the instants they name', () => {
    expect(instantOf('2025-01-21T14:30:00Z', 'rfc3339')).toBe(instantOf('2025-01-21T14:30:00+00:00', 'rfc3339'));
    expect(instantOf('2025-01-21T14:30:00.5Z', 'rfc3339')).toBe(Date.UTC(2025, 0, 21, 14, 30, 0, 500));
    expect(instantOf('yesterday', 'rfc3339')).toBe('yesterday');
    expect(instantOf(1700000000, 'unix-s')).toBe(1700000000000);
  });
});
