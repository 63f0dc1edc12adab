import { describe, expect, it } from 'vitest';
import { targetPath, underBasePath } from './base-path.ts';

describe('targetPath', () => {
  it("keeps a gateway's prefix, and does not repeat a base path the target already ends with", () => {
    expect(targetPath('https://sandbox.trustly.one', '/api/v1', '/api/v1/customers')).toBe('/api/v1/customers');
    expect(targetPath('https://sandbox.trustly.one/api/v1/', '/api/v1', '/api/v1/customers/7')).toBe('/api/v1/customers/7');
    expect(targetPath('https://gw.example/vendor', '/api/v1', '/api/v1/customers')).toBe('/vendor/api/v1/customers');
    expect(targetPath('https://gw.example/vendor', '', '/v1/customers')).toBe(underBasePath('https://gw.example/vendor', '/v1/customers'));
  });
});
