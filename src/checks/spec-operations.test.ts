import { describe, expect, it } from 'vitest';
import { loadVendorSpec } from '../spec/index.ts';
import { documentedOperations, documentedPaths, fillPath, pathParameters } from './spec-operations.ts';

describe('the documented operations, read from the spec', () => {
  it('gives each Trustist path its documented methods, with bodies and query parameters', async () => {
    const spec = await loadVendorSpec('trustist');
    const paths = Object.fromEntries([...documentedPaths(spec)].map(([path, methods]) => [path, [...methods].sort()]));
    expect(paths).toEqual({ '/v1/customers': ['GET', 'POST'], '/v1/customers/{id}': ['GET', 'PUT'], '/v1/onboard/sessions': ['POST'] });
    const ops = Object.fromEntries(documentedOperations(spec).map((op) => [op.operationId, { body: op.bodySchema !== undefined, query: op.query }]));
    expect(ops).toEqual({
      createCustomer: { body: true, query: [] },
      listCustomers: { body: false, query: ['orgId'] },
      getCustomer: { body: false, query: [] },
      updateCustomer: { body: true, query: [] },
      createOnboardSession: { body: true, query: [] },
    });
  });

  it('gives each Trustly path its documented methods', async () => {
    const spec = await loadVendorSpec('trustly');
    for (const [path, methods] of documentedPaths(spec)) {
      expect(path.startsWith('/'), path).toBe(true);
      expect(methods.size, path).toBeGreaterThan(0);
    }
  });

  it('fills path parameters as single encoded segments, and names a missing one', () => {
    expect(pathParameters('/v1/customers/{id}')).toEqual(['id']);
    expect(fillPath('/v1/customers/{id}', { id: 'a/b c' })).toBe('/v1/customers/a%2Fb%20c');
    expect(() => fillPath('/v1/customers/{id}', {})).toThrow(/\{id\}/);
  });
});
