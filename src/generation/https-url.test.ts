import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { httpsUrl } from './https-url.ts';

describe('httpsUrl', () => {
  it('draws https URLs that parse, keep their scheme and host, and pass the uri format', () => {
    const ajv = new Ajv2020();
    addFormats.default(ajv);
    const isUri = ajv.compile({ type: 'string', format: 'uri' });
    fc.assert(
      fc.property(httpsUrl(), (url) => {
        const parsed = new URL(url);
        expect(parsed.protocol).toBe('https:');
        expect(url.startsWith(`https://${parsed.hostname}`)).toBe(true);
        expect(isUri(url), url).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('draws percent-encoded and empty path segments too', () => {
    const urls = fc.sample(httpsUrl(), { numRuns: 500, seed: 7 });
    expect(urls.some((url) => /\/[^/]*%[0-9A-F]{2}/.test(url))).toBe(true);
    expect(urls.some((url) => /[^:]\/\//.test(url))).toBe(true);
  });
});
