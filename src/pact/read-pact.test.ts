import { describe, expect, it } from 'vitest';
import { parsePact, vendorOfPact } from './read-pact.ts';
import { providerBase } from './verify-in-process.ts';

function pact(provider: string, paths: string[]) {
  return parsePact(
    { consumer: { name: 'app' }, provider: { name: provider }, interactions: paths.map((path, i) => ({ description: `call ${i}`, request: { method: 'GET', path }, response: { status: 200 } })) },
    'test.json',
  );
}

describe('vendorOfPact', () => {
  it('reads the vendor from the provider name first', async () => {
    expect(await vendorOfPact(pact('Trustist-Customers', ['/api/v1/customers']))).toBe('trustist');
    expect(await vendorOfPact(pact('my-trustly-gateway', ['/v1/customers']))).toBe('trustly');
  });

  it('else from the paths: every one under the prefix all of one vendor\'s documented paths share', async () => {
    expect(await vendorOfPact(pact('customers', ['/api/v1/customers', '/api/v1/customers/42']))).toBe('trustly');
    expect(await vendorOfPact(pact('customers', ['/v1/customers/7', '/v1/onboard/sessions']))).toBe('trustist');
    expect(await vendorOfPact(pact('customers', ['/v1/customers', '/api/v1/customers']))).toBeUndefined();
    expect(await vendorOfPact(pact('customers', ['/v2/customers']))).toBeUndefined();
    expect(await vendorOfPact(pact('customers', []))).toBeUndefined();
  });
});

describe('providerBase', () => {
  it('drops the spec\'s x-conform basePath from a target written with it, and keeps any other path', () => {
    expect(providerBase(new URL('https://gw.example/api/v1/'), '/api/v1').toString()).toBe('https://gw.example/');
    expect(providerBase(new URL('https://gw.example/trustly/api/v1?x=1'), '/api/v1').toString()).toBe('https://gw.example/trustly');
    expect(providerBase(new URL('https://gw.example/some/prefix/'), '').toString()).toBe('https://gw.example/some/prefix');
    expect(providerBase(new URL('https://gw.example/api/v1'), '').toString()).toBe('https://gw.example/api/v1');
  });
});
