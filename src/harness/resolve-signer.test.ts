import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { basicSigner, hawkSigner, hmacSha256Signer } from '../auth/index.ts';
import { resolveSigner } from './resolve-signer.ts';

describe('resolveSigner', () => {
  it('names the built-in schemes, and uses Basic for Trustly whatever is asked', async () => {
    expect(await resolveSigner('trustist', undefined)).toBe(hawkSigner);
    expect(await resolveSigner('trustist', 'hawk')).toBe(hawkSigner);
    expect(await resolveSigner('trustist', 'hmac-sha256')).toBe(hmacSha256Signer);
    expect(await resolveSigner('trustly', 'hmac-sha256')).toBe(basicSigner);
  });

  it("loads a user's own signer module by path, and refuses one without a default function", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-signer-'));
    const good = join(dir, 'my-signer.mjs');
    await writeFile(good, 'export default (request, credentials) => ({ authorization: `Custom ${credentials.id} ${request.method}` });\n');
    const signer = await resolveSigner('trustist', good);
    expect(signer({ method: 'GET', url: new URL('http://h/'), body: '' }, { id: 'k', secret: 's' })).toEqual({ authorization: 'Custom k GET' });
    const bad = join(dir, 'not-a-signer.mjs');
    await writeFile(bad, 'export const x = 1;\n');
    await expect(resolveSigner('trustist', bad)).rejects.toThrow(/no default export function/);
  });
});
