import { describe, expect, it } from 'vitest';
import type { OpenAPIV3_1 } from 'openapi-types';
import { loadVendorSpec, VENDORS, type ValidationResult } from './index.ts';

function pointers(result: ValidationResult): string[] {
  return result.violations.map((v) => v.pointer);
}

/** Every example a spec carries, with the operation and the place (request or response status) it documents. */
function examplesOf(document: OpenAPIV3_1.Document) {
  const found: { operationId: string; status?: number; name: string; value: unknown }[] = [];
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const op of Object.values(pathItem ?? {}) as OpenAPIV3_1.OperationObject[]) {
      if (typeof op !== 'object' || !op?.operationId) continue;
      const collect = (media: OpenAPIV3_1.MediaTypeObject | undefined, status?: number) => {
        if (!media) return;
        if (media.example !== undefined) found.push({ operationId: op.operationId!, status, name: 'example', value: media.example });
        for (const [name, example] of Object.entries(media.examples ?? {})) {
          found.push({ operationId: op.operationId!, status, name, value: (example as OpenAPIV3_1.ExampleObject).value });
        }
      };
      collect((op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.content?.['application/json']);
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (/^\d+$/.test(status)) collect((response as OpenAPIV3_1.ResponseObject).content?.['application/json'], Number(status));
      }
    }
  }
  return found;
}

describe.each(VENDORS)('%s spec validators', (vendor) => {
  it('compiles every request and response schema (each is compiled on its first use)', async () => {
    const { validators } = await loadVendorSpec(vendor);
    let compiled = 0;
    for (const op of validators.operations.values()) {
      for (const validate of [op.validateRequest, ...op.responses.flatMap((r) => [r.validate, r.validatePromised])]) {
        if (!validate) continue;
        expect(() => validate(Symbol('not JSON'))).not.toThrow();
        compiled++;
      }
    }
    expect(compiled).toBeGreaterThan(validators.operations.size);
  });

  it("accepts every one of the documentation's own examples", async () => {
    const { spec, validators } = await loadVendorSpec(vendor);
    const examples = examplesOf(spec.document);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const example of examples) {
      const result =
        example.status === undefined
          ? validators.validateRequest(example.operationId, example.value)
          : validators.validateResponse(example.operationId, example.status, 'application/json', example.value);
      expect(result.violations, `${example.operationId} ${example.status ?? 'request'} ${example.name}`).toEqual([]);
    }
  });

  it('names an undocumented status and an undocumented content type', async () => {
    const { validators } = await loadVendorSpec(vendor);
    const [operationId] = [...validators.operations.keys()];
    const status = validators.validateResponse(operationId!, 302, 'application/json', {});
    expect(status.valid).toBe(false);
    expect(status.violations[0]!.message).toMatch(/status 302 is not documented/);
    const type = validators.validateResponse(operationId!, 200, 'text/html', '<html>');
    expect(type.valid).toBe(false);
    expect(type.violations[0]!.message).toMatch(/content type "text\/html" is not documented/);
  });

  it("names a refusal's undocumented status, content type and body as departures, not violations", async () => {
    const { validators } = await loadVendorSpec(vendor);
    const [operationId] = [...validators.operations.keys()];
    const status = validators.validateResponse(operationId!, 418, 'application/json', {});
    expect(status.valid).toBe(true);
    expect(status.valid && status.departures?.[0]?.message).toMatch(/status 418 is not documented/);
    for (const [contentType, body] of [['application/problem+json', { title: 'Unauthorized' }], ['text/plain', undefined], [undefined, undefined]] as const) {
      const result = validators.validateResponse(operationId!, 401, contentType, body);
      expect(result.valid, `401 ${contentType}`).toBe(true);
      expect(result.valid && result.departures?.[0]?.keyword).toBe('contentType');
    }
  });
});

describe('the promised part of response schemas', () => {
  it('accepts null for an optional property at any depth, as drift; a required one stays required', async () => {
    const { validators } = await loadVendorSpec('trustly');
    const customer = { customerId: '1', merchantId: '2', createdAt: 1, updatedAt: 2, name: 'A', phone: '1', email: 'a@b.c', address: { country: 'US', city: null }, taxId: null };
    const nulls = validators.validateResponse('getCustomer', 200, 'application/json', { customer });
    expect(nulls.valid).toBe(true);
    expect(nulls.valid && nulls.departures?.map((d) => d.pointer)).toEqual(['/customer/address/city']);
    const noName = validators.validateResponse('getCustomer', 200, 'application/json', { customer: { ...customer, name: null } });
    expect(noName.valid).toBe(false);
    expect(pointers(noName)).toContain('/customer/name');
  });

  it('does not enforce a constraint marked x-inferred, but names it as drift', async () => {
    const { validators } = await loadVendorSpec('trustist');
    const record = { id: 'abc', created: '2025-01-21T14:30:00Z', lastUpdated: '2025-01-21T14:30:00+00:00', tenantId: 'tenant-7' };
    const result = validators.validateResponse('getCustomer', 200, 'application/json', record);
    expect(result.valid).toBe(true);
    expect(result.valid && result.departures?.map((d) => d.pointer)).toEqual(['/tenantId']);
    // Strict (the mocks' own tests, Pact contracts): the spec as written, every departure a violation.
    expect(pointers(validators.validateResponse('getCustomer', 200, 'application/json', record, { strict: true }))).toEqual(['/tenantId']);
    // A documented constraint still fails: dateOfBirth is documented as YYYY-MM-DD.
    expect(validators.validateResponse('getCustomer', 200, 'application/json', { ...record, dateOfBirth: '21/01/1985' }).valid).toBe(false);
  });
});

describe('trustist request bodies', () => {
  const valid = {
    firstName: 'Sarah',
    lastName: 'Johnson',
    emailAddress: 'sarah@example.com',
    dateOfBirth: '1985-03-15',
    address: { addressLine1: '123 High Street', city: 'London', postalCode: 'SW1A 1AA', country: 'GB' },
    orgId: 'branch-001',
  };

  it('accepts the empty object and a full record on create', async () => {
    const { validators } = await loadVendorSpec('trustist');
    expect(validators.validateRequest('createCustomer', {}).violations).toEqual([]);
    expect(validators.validateRequest('createCustomer', valid).violations).toEqual([]);
  });

  it.each([
    ['a number for a name', { firstName: 42 }, '/firstName'],
    ['an impossible date', { dateOfBirth: '2023-02-30' }, '/dateOfBirth'],
    ['a date in another format', { dateOfBirth: '15/03/1985' }, '/dateOfBirth'],
    ['a country that is not ISO 3166-1 alpha-2', { address: { country: 'XX' } }, '/address/country'],
    ['a lower-case country', { address: { country: 'gb' } }, '/address/country'],
    ['an address that is not an object', { address: 'London' }, '/address'],
  ])('rejects %s, naming the field', async (_what, body, pointer) => {
    const { validators } = await loadVendorSpec('trustist');
    const result = validators.validateRequest('createCustomer', body);
    expect(result.valid).toBe(false);
    expect(pointers(result)).toContain(pointer);
    expect(result.violations.find((v) => v.pointer === pointer)!.message).toContain(pointer);
  });

  it('rejects a body that is not an object', async () => {
    const { validators } = await loadVendorSpec('trustist');
    expect(validators.validateRequest('createCustomer', ['x']).valid).toBe(false);
    expect(validators.validateRequest('createCustomer', 'x').valid).toBe(false);
  });

  it('lets an update clear a field with null, and still checks the types of what it sets', async () => {
    const { validators } = await loadVendorSpec('trustist');
    expect(validators.validateRequest('updateCustomer', { firstName: null, address: null, dateOfBirth: null }).violations).toEqual([]);
    expect(validators.validateRequest('updateCustomer', { address: { city: null } }).violations).toEqual([]);
    expect(pointers(validators.validateRequest('updateCustomer', { lastName: 7 }))).toContain('/lastName');
  });

  it('requires a customerId for an onboard session', async () => {
    const { validators } = await loadVendorSpec('trustist');
    expect(pointers(validators.validateRequest('createOnboardSession', { options: {} }))).toContain('/customerId');
    expect(validators.validateRequest('createOnboardSession', { customerId: '3kTp9j2mN5xR' }).violations).toEqual([]);
  });
});

describe('trustly request bodies', () => {
  const valid = {
    name: 'John Smith',
    address: { country: 'US', address1: '105 Alternate2 Street', city: 'Beverly Hills', state: 'CA', zip: '90210' },
    phone: '+1 123456789',
    email: 'jsmith@email.com',
  };

  it('accepts a minimal valid customer and a full driver license', async () => {
    const { validators } = await loadVendorSpec('trustly');
    expect(validators.validateRequest('createOrUpdateCustomer', valid).violations).toEqual([]);
    expect(validators.validateRequest('createOrUpdateCustomer', { ...valid, driverLicense: { number: '124ABC', state: 'CA' } }).violations).toEqual([]);
  });

  it.each(['name', 'address', 'phone', 'email'])('rejects a body missing %s, naming it', async (field) => {
    const { validators } = await loadVendorSpec('trustly');
    const body: Record<string, unknown> = { ...valid };
    delete body[field];
    for (const operationId of ['createOrUpdateCustomer', 'updateCustomer']) {
      expect(pointers(validators.validateRequest(operationId, body)), operationId).toContain(`/${field}`);
    }
  });

  it.each([
    ['an address without a country', { address: { city: 'Austin' } }, '/address/country'],
    ['an empty name', { name: '' }, '/name'],
    ['an empty email', { email: '' }, '/email'],
    ['a driver license without a state', { driverLicense: { number: '124ABC' } }, '/driverLicense/state'],
    ['a driver license without a number', { driverLicense: { state: 'CA' } }, '/driverLicense/number'],
    ['a name of the wrong type', { name: 12 }, '/name'],
    ['an enrollDate that is not an integer', { enrollDate: 'yesterday' }, '/enrollDate'],
  ])('rejects %s, naming the field', async (_what, patch, pointer) => {
    const { validators } = await loadVendorSpec('trustly');
    const result = validators.validateRequest('createOrUpdateCustomer', { ...valid, ...patch });
    expect(result.valid).toBe(false);
    expect(pointers(result)).toContain(pointer);
  });

  it('lets an optional property be removed with null, but not a required one', async () => {
    const { validators } = await loadVendorSpec('trustly');
    expect(validators.validateRequest('updateCustomer', { ...valid, taxId: null, driverLicense: null }).violations).toEqual([]);
    expect(pointers(validators.validateRequest('updateCustomer', { ...valid, email: null }))).toContain('/email');
  });

  it('documents the error body shape', async () => {
    const { validators } = await loadVendorSpec('trustly');
    const good = { errors: [{ domain: 'com.trustly.merchant', code: 200, message: 'name is required' }] };
    expect(validators.validateResponse('createOrUpdateCustomer', 400, 'application/json', good).violations).toEqual([]);
    // Another shape is named as a departure: no rule but trustly.errors.shape promises it, and that rule judges it itself.
    const other = validators.validateResponse('createOrUpdateCustomer', 400, 'application/json', { error: 'bad' });
    expect(other.valid && other.departures?.map((d) => d.pointer)).toContain('/errors');
  });
});
