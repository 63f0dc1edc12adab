/**
 * The full GUID form of a ShortGuid (vendor-notes.md: the onboard endpoint takes either): 22
 * characters of URL-safe base64 for the 16 bytes of a .NET Guid, whose first three groups are
 * stored little-endian. Undefined for an id that is not such a ShortGuid (the seed's 12-character
 * example is not one), since no GUID form can then be derived.
 */
export function guidOfShortGuid(id: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{22}$/.test(id)) return undefined;
  const bytes = Buffer.from(id, 'base64url');
  if (bytes.length !== 16 || bytes.toString('base64url') !== id) return undefined;
  const hex = (indexes: number[]) => indexes.map((i) => bytes[i]!.toString(16).padStart(2, '0')).join('');
  return [hex([3, 2, 1, 0]), hex([5, 4]), hex([7, 6]), hex([8, 9]), hex([10, 11, 12, 13, 14, 15])].join('-');
}
