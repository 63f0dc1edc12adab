import fc from 'fast-check';
import { codePointString } from './code-point-string.ts';

/** The characters a path segment may hold unencoded (RFC 3986 pchar, less the percent sign). */
const plain = fc.stringMatching(/^[A-Za-z0-9\-._~!$&'()*+,;=:@]{1,12}$/);
/** Any code points, percent-encoded as UTF-8 (a lone surrogate as U+FFFD, as a browser sends it). */
const encoded = codePointString({ minLength: 1, maxLength: 3 }).map((text) => encodeURIComponent(text.replace(/\p{Cs}/gu, '\uFFFD')));
const segment = fc.oneof({ weight: 5, arbitrary: plain }, { weight: 1, arbitrary: encoded }, { weight: 1, arbitrary: fc.constant('') });

/**
 * https URLs as `fc.webUrl({ validSchemes: ['https'] })` draws them: a domain, then path segments
 * of plain and percent-encoded characters, empty ones included. fc.webUrl draws its encoded
 * characters from the 'binary' string unit, which costs a second or two of CPU the first time a
 * process or thread builds it (code-point-string.ts says why); every run's worker thread did.
 */
export function httpsUrl(): fc.Arbitrary<string> {
  return fc.tuple(fc.domain(), fc.array(segment, { maxLength: 4 })).map(([domain, path]) => `https://${domain}${path.length > 0 ? `/${path.join('/')}` : ''}`);
}
