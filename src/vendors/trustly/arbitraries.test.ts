import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckContext } from '../../runner/check-context.ts';
import { loadVendorSpec } from '../../openapi/index.ts';
import { customerBodies, PARTIAL_LICENSES, partialLicense, REQUIRED_VIOLATIONS, violateRequired, wrongTypeBodies } from './arbitraries.ts';

const context = async () => {
  const spec = await loadVendorSpec('trustly');
  const config = { vendor: 'trustly' as const, baseUrl: 'http://127.0.0.1:9', env: {}, seed: 1, runs: 10, runId: 'test', timeoutMs: 1000, embedded: true };
  return { spec, ctx: new CheckContext('trustly.customers.create.schema', config, spec, 1) };
};

describe('customer bodies', () => {
  it('look personal only as fiction: reserved e-mail domains, fictional phone ranges, never-issued ids, marked names', async () => {
    const { ctx } = await context();
    for (const style of ['rich', 'plain'] as const) {
      for (const body of fc.sample(customerBodies(ctx, { style, complete: true }), 200)) {
        expect(body.email).toMatch(/(\.test|@example\.com)$/);
        expect(String(body.phone).replace(/[^0-9+]/g, '')).toMatch(/^((\+1)?[2-9]\d\d55501\d\d|\+447700900\d{3})$/);
        expect(body.name).toMatch(/^Test /);
        expect(String(body.taxId)).toMatch(/^(000|666)\d{6}$|^#####\d{4}$/);
        expect(String(body.nationalId)).toMatch(/^(000|666)/);
        expect(String(body.personId)).toMatch(/^TEST/);
        expect((body.driverLicense as { number: string }).number).toMatch(/^TEST/);
      }
    }
  });

  it('are valid CustomerRequest bodies without the keys the checks set', async () => {
    const { spec, ctx } = await context();
    for (const style of ['rich', 'plain'] as const) {
      for (const body of fc.sample(customerBodies(ctx, { style }), 200)) {
        expect(spec.validators.validateRequest('createOrUpdateCustomer', body).violations).toEqual([]);
        expect(body).not.toHaveProperty('externalId');
        expect(body).not.toHaveProperty('customerId');
        expect(body).not.toHaveProperty('merchantId');
      }
    }
  });

  it('carry astral characters, combining marks and names over 64 characters often in rich style', async () => {
    const { ctx } = await context();
    const names = fc.sample(customerBodies(ctx, { style: 'rich' }), 300).map((b) => b.name as string);
    const share = (test: (s: string) => boolean) => names.filter(test).length / names.length;
    expect(share((s) => /[\u{10000}-\u{10FFFF}]/u.test(s))).toBeGreaterThan(0.3);
    expect(share((s) => /\p{M}/u.test(s))).toBeGreaterThan(0.3);
    expect(share((s) => s.length > 64)).toBeGreaterThan(0.2);
    expect(names.every((s) => s.length > 0 && s.trim() === s && !/\p{Cs}/u.test(s))).toBe(true);
  });

  it('have every optional property when complete', async () => {
    const { spec, ctx } = await context();
    const schema = (spec.spec.document.components?.schemas as Record<string, { properties: object }>).CustomerRequest!;
    const expected = Object.keys(schema.properties).filter((p) => !['externalId', 'customerId', 'merchantId'].includes(p)).sort();
    for (const body of fc.sample(customerBodies(ctx, { style: 'plain', complete: true }), 20)) expect(Object.keys(body).sort()).toEqual(expected);
  });
});

describe('invalid variants', () => {
  it('each required-field violation is invalid against the spec', async () => {
    const { spec, ctx } = await context();
    const [body] = fc.sample(customerBodies(ctx, { style: 'plain' }), 1);
    for (const violation of REQUIRED_VIOLATIONS) {
      expect(spec.validators.validateRequest('createOrUpdateCustomer', violateRequired(body!, violation)).valid, violation).toBe(false);
    }
    expect(spec.validators.validateRequest('createOrUpdateCustomer', body).valid).toBe(true);
  });

  it('each partial driverLicense is invalid against the spec', async () => {
    const { spec, ctx } = await context();
    const [body] = fc.sample(customerBodies(ctx, { style: 'plain' }), 1);
    for (const kind of PARTIAL_LICENSES) {
      const invalid = { ...body, driverLicense: partialLicense(kind, { number: 'A1', state: 'CA' }) };
      expect(spec.validators.validateRequest('createOrUpdateCustomer', invalid).valid, kind).toBe(false);
    }
  });

  it('wrong-type bodies break a required field by its JSON type only', async () => {
    const { spec, ctx } = await context();
    for (const broken of fc.sample(wrongTypeBodies(ctx), 100)) {
      expect(broken.mutation).toMatch(/^wrong type \((?!null)/);
      expect(spec.validators.validateRequest('createOrUpdateCustomer', broken.value).valid).toBe(false);
    }
  });
});
