import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpProblem, parseTarget } from './http-kit.ts';

// parseTarget splits plain targets itself and hands every other one to WHATWG URL. The shortcut
// must never change an answer: for any target, the result equals URL's.

function viaUrl(url: string): { segments: string[]; query: [string, string][] } | 'refused' {
  try {
    const parsed = new URL(url, 'http://mock.invalid');
    return { segments: parsed.pathname.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s)), query: [...parsed.searchParams] };
  } catch {
    return 'refused';
  }
}

function viaParseTarget(url: string): { segments: string[]; query: [string, string][] } | 'refused' {
  try {
    const { segments, query } = parseTarget(url);
    return { segments, query: [...query] };
  } catch (error) {
    if (error instanceof HttpProblem && error.status === 400) return 'refused';
    throw error;
  }
}

const piece = fc.constantFrom('/', 'api', 'v1', 'customers', '1002463580', '.', '..', '%2e', '%2E%2e', '%41', '%zz', '%', '?', '=', '&', '+', '#', ' ', '\\', '\t', 'é', '😀', '~', '-', '_', ';', ':', '@', "'", '"', '<', '*', '!', '$', '(', '//');
const target = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('parseTarget', () => {
  it('answers every target as WHATWG URL does, shortcut or not', () => {
    fc.assert(
      fc.property(fc.oneof(target, target.map((t) => `/${t}`), fc.string({ maxLength: 30 }).map((t) => `/${t}`)), (url) => {
        expect(viaParseTarget(url)).toEqual(viaUrl(url));
      }),
      { numRuns: 5000 },
    );
  });

  it('splits the documented paths and decodes the query', () => {
    expect(viaParseTarget('/api/v1/customers/1002463580')).toEqual({ segments: ['api', 'v1', 'customers', '1002463580'], query: [] });
    expect(viaParseTarget('/api/v1/customers?externalId=a+b%2Fc&customerId=1')).toEqual({
      segments: ['api', 'v1', 'customers'],
      query: [['externalId', 'a b/c'], ['customerId', '1']],
    });
    expect(viaParseTarget('/api/v1/../v1/./customers')).toEqual({ segments: ['api', 'v1', 'customers'], query: [] });
    expect(viaParseTarget('/api/v1/customers/%E2%82%AC')).toEqual({ segments: ['api', 'v1', 'customers', '€'], query: [] });
  });
});
