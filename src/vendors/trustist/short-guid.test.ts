import { describe, expect, it } from 'vitest';
import { guidOfShortGuid } from './short-guid.ts';

describe('guidOfShortGuid', () => {
  it('reads the bytes as .NET does (first three groups little-endian)', () => {
    // Guid("c9a646d3-9c61-4cb7-bfcd-ee2522c8f633").ToByteArray() in URL-safe base64, as ShortGuid encodes it.
    const bytes = Buffer.from('d346a6c9619cb74cbfcdee2522c8f633', 'hex');
    expect(guidOfShortGuid(bytes.toString('base64url'))).toBe('c9a646d3-9c61-4cb7-bfcd-ee2522c8f633');
  });

  it('gives nothing for ids that are not 22-character ShortGuids', () => {
    for (const id of ['3kTp9j2mN5xR', '', 'c9a646d3-9c61-4cb7-bfcd-ee2522c8f633', 'a'.repeat(21), '!'.repeat(22)]) expect(guidOfShortGuid(id), id).toBeUndefined();
  });
});
