import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadVendorSpec } from '../../openapi/index.ts';
import { dateOfBirth, impossibleDate, outsideCodes } from '../../generation/index.ts';
import { createBody, personName, trustistSchema, updatePatch, wrongTypeBody } from './arbitraries.ts';

const spec = await loadVendorSpec('trustist');
/** Whether a YYYY-MM-DD text names a day of the calendar (Date.parse alone takes 2023-02-30). */
const realDate = (d: string) => /^\d{4}-\d\d-\d\d$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

describe('Trustist arbitraries', () => {
  it('look personal only as fiction: names marked as test data, e-mail addresses on reserved domains', () => {
    for (const body of fc.sample(createBody(spec), 300)) {
      for (const name of [body.firstName, body.lastName]) if (typeof name === 'string' && name !== '') expect(name).toMatch(/^Test /);
      // emailAddress is typed only as a string, so a third of the values are any text, '@' included
      // now and then: text after its last '@' that holds no dot names no domain, so no mailbox.
      if (typeof body.emailAddress === 'string' && body.emailAddress.includes('@')) expect(body.emailAddress).toMatch(/(\.test|@example\.com)$|@[^.@]*$/);
    }
  });

  it('draws create and update bodies the spec accepts', () => {
    fc.assert(
      fc.property(createBody(spec), (body) => {
        expect(spec.validators.validateRequest('createCustomer', body).violations).toEqual([]);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(updatePatch(spec), (body) => {
        expect(spec.validators.validateRequest('updateCustomer', body).violations).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('draws value-only patches when asked', () => {
    fc.assert(
      fc.property(updatePatch(spec, { nulls: false }), (patch) => {
        expect(Object.values(patch)).not.toContain(null);
        if (patch.address) expect(Object.values(patch.address)).not.toContain(null);
      }),
    );
  });

  it('draws astral characters, combining marks and names past 64 characters often', () => {
    const names = fc.sample(personName(), { numRuns: 300, seed: 7 });
    expect(names.filter((n) => /[\u{10000}-\u{10FFFF}]/u.test(n)).length).toBeGreaterThan(30);
    expect(names.filter((n) => /\p{M}/u.test(n)).length).toBeGreaterThan(15);
    expect(names.filter((n) => [...n].length > 64).length).toBeGreaterThan(30);
    expect(names.every((n) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(n))).toBe(true);
  });

  it('draws real dates of birth, and impossible ones the spec refuses', () => {
    fc.assert(
      fc.property(dateOfBirth(), (d) => {
        expect(realDate(d)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(impossibleDate(), (d) => {
        expect(realDate(d)).toBe(false);
        expect(spec.validators.validateRequest('createCustomer', { dateOfBirth: d }).valid).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('draws countries outside the ISO 3166-1 alpha-2 list', () => {
    const countries = (trustistSchema(spec, 'CustomerCreateRequest').properties?.address?.properties?.country?.enum ?? []) as string[];
    const codes = new Set(countries);
    expect(codes.has('GB')).toBe(true);
    fc.assert(
      fc.property(outsideCodes(countries), (c) => {
        expect(codes.has(c)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('draws wrongly typed bodies that the spec refuses', () => {
    fc.assert(
      fc.property(wrongTypeBody(spec), ({ value }) => {
        expect(spec.validators.validateRequest('createCustomer', value).valid).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
