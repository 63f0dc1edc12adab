import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { basicSigner, hawkSigner, hmacSha256Signer } from './index.ts';
import { exchange } from '../http/exchange.ts';
import { startTrustistMock } from '../mock/trustist/start-trustist-mock.ts';
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

describe('the example signer module (examples/signer/my-signer.mjs)', () => {
  const example = fileURLToPath(new URL('../../examples/signer/my-signer.mjs', import.meta.url));

  it('loads through --auth and is accepted by the strict Hawk mock on every operation, awkward paths included', async () => {
    const signer = await resolveSigner('trustist', example);
    const mock = await startTrustistMock({ env: {} });
    try {
      const credentials = { id: mock.credentials.TRUSTIST_KEY_ID!, secret: mock.credentials.TRUSTIST_KEY_SECRET! };
      const send = async (method: string, path: string, json?: unknown) => {
        const answer = await exchange({ baseUrl: mock.url, method, path, json, signer, credentials });
        expect(answer.request.headers['x-client'], 'the module adds its own header').toBe('my-signer-example/1.0');
        return answer.response;
      };
      const created = await send('POST', '/v1/customers', { firstName: 'Zoë', orgId: 'a|b {c}' });
      expect(created?.status, created?.body).toBe(201);
      const id = (created?.json as { id: string }).id;
      expect((await send('GET', `/v1/customers/${id}`))?.status).toBe(200);
      const list = await send('GET', '/v1/customers?orgId=a|b {c}&x=^`\\');
      expect(list?.status, list?.body).toBe(200);
      expect((list?.json as { id: string }[]).map((c) => c.id)).toEqual([id]);
      expect((await send('PUT', `/v1/customers/${id}`, { lastName: 'Lee' }))?.status).toBe(200);
      expect((await send('POST', '/v1/customers'))?.status, 'an empty POST body is hashed too').not.toBe(401);
      // And a wrong secret is refused, so the acceptance above is the signature's doing.
      const wrong = await exchange({ baseUrl: mock.url, method: 'GET', path: '/v1/customers', signer, credentials: { ...credentials, secret: 'wrong' } });
      expect(wrong.response?.status).toBe(401);
    } finally {
      await mock.close();
    }
  });
});
