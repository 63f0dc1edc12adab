import fc from 'fast-check';
import type { OpenAPIV3_1 } from 'openapi-types';
import { describe, expect, it } from 'vitest';
import { loadVendorSpec } from '../openapi/index.ts';
import { invalidArbitrary, schemaArbitrary, type Schema } from './index.ts';

async function requestSchema(vendor: 'trustist' | 'trustly', operationId: string): Promise<Schema> {
  const { spec } = await loadVendorSpec(vendor);
  for (const item of Object.values(spec.document.paths ?? {})) {
    for (const op of Object.values(item ?? {}) as OpenAPIV3_1.OperationObject[]) {
      if (op?.operationId === operationId) return (op.requestBody as OpenAPIV3_1.RequestBodyObject).content['application/json']!.schema as Schema;
    }
  }
  throw new Error(operationId);
}

const CASES = [
  ['trustist', 'createCustomer'],
  ['trustist', 'updateCustomer'],
  ['trustist', 'createOnboardSession'],
  ['trustly', 'createOrUpdateCustomer'],
  ['trustly', 'updateCustomer'],
] as const;

describe.each(CASES)('%s %s request bodies', (vendor, operationId) => {
  it('every generated value is valid against the spec', async () => {
    const { validators } = await loadVendorSpec(vendor);
    const schema = await requestSchema(vendor, operationId);
    fc.assert(
      fc.property(schemaArbitrary(schema), (value) => {
        expect(validators.validateRequest(operationId, value).violations).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('every generated invalid value is rejected, at the pointer it was broken', async () => {
    const { validators } = await loadVendorSpec(vendor);
    const schema = await requestSchema(vendor, operationId);
    fc.assert(
      fc.property(invalidArbitrary(schema), ({ value, pointer, mutation }) => {
        const result = validators.validateRequest(operationId, value);
        expect(result.valid, `${mutation} at ${pointer}`).toBe(false);
        expect(result.violations.some((v) => v.pointer === pointer || v.pointer.startsWith(`${pointer}/`)), `${mutation} at ${pointer}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('domain refinement', () => {
  it('uses the refined arbitrary at its pointer', async () => {
    const schema = await requestSchema('trustist', 'createCustomer');
    const arb = schemaArbitrary(schema, { refine: (pointer) => (pointer === '/firstName' ? fc.constant('Zoë') : undefined) });
    fc.assert(
      fc.property(arb, (value) => {
        expect((value as { firstName?: string }).firstName ?? 'Zoë').toBe('Zoë');
      }),
    );
  });
});
