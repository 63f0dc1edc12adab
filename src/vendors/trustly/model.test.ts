import { describe, expect, it } from 'vitest';
import { loadVendorSpec } from '../../openapi/index.ts';
import { OPTIONAL_FIELDS, REQUIRED_FIELDS } from './model.ts';

describe('the field lists', () => {
  it('are exactly the properties of the spec\'s CustomerRequest, split by its required list', async () => {
    const { spec } = await loadVendorSpec('trustly');
    const schema = (spec.document.components?.schemas as Record<string, { properties: object; required: string[] }>).CustomerRequest!;
    expect([...REQUIRED_FIELDS].sort()).toEqual([...schema.required].sort());
    const writable = Object.keys(schema.properties).filter((p) => !(REQUIRED_FIELDS as readonly string[]).includes(p));
    expect([...OPTIONAL_FIELDS, 'customerId', 'merchantId'].sort()).toEqual(writable.sort());
  });
});
