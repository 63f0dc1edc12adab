import { createHash, createHmac } from 'node:crypto';
import Hawk from '@hapi/hawk';
import { describe, expect, it } from 'vitest';
import { basicSigner, createHmacSha256Signer, hawkSigner, hmacStringToSign } from './index.ts';

const credentials = { id: 'dh37fgj492je', secret: 'werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn' };

describe('hawkSigner', () => {
  it('produces a header that a Hawk server accepts, with the payload hash for a body', async () => {
    const url = new URL('http://127.0.0.1:8080/v1/customers?orgId=a');
    const body = '{"firstName":"Zoë"}';
    const { authorization } = hawkSigner({ method: 'POST', url, body, contentType: 'application/json' }, credentials);
    expect(authorization).toMatch(/^Hawk id="dh37fgj492je", ts="\d+", nonce="[^"]+", hash="[^"]+", mac="[^"]+"$/);
    const req = { method: 'POST', url: '/v1/customers?orgId=a', headers: { host: '127.0.0.1:8080', authorization } };
    const { credentials: found, artifacts } = await Hawk.server.authenticate(req as never, () => ({ id: credentials.id, key: credentials.secret, algorithm: 'sha256' }) as never);
    expect(found).toBeDefined();
    expect(() => Hawk.server.authenticatePayload(body, { key: credentials.secret, algorithm: 'sha256' } as never, artifacts, 'application/json')).not.toThrow();
    expect(() => Hawk.server.authenticatePayload('{"firstName":"Eve"}', { key: credentials.secret, algorithm: 'sha256' } as never, artifacts, 'application/json')).toThrow();
  });

  it('hashes an empty body too, and signs the path as sent, not re-escaped', async () => {
    const url = new URL('http://127.0.0.1:8080/v1/customers/a|b?q={x}');
    const { authorization } = hawkSigner({ method: 'post', url, body: '' }, credentials);
    expect(authorization).toMatch(/hash="[^"]+"/);
    const req = { method: 'POST', url: `${url.pathname}${url.search}`, headers: { host: url.host, authorization } };
    const { artifacts } = await Hawk.server.authenticate(req as never, () => ({ id: credentials.id, key: credentials.secret, algorithm: 'sha256' }) as never);
    expect(() => Hawk.server.authenticatePayload('', { key: credentials.secret, algorithm: 'sha256' } as never, artifacts, '')).not.toThrow();
  });
});

describe('HMAC-SHA256 signer', () => {
  it('signs the documented string-to-sign', () => {
    const signer = createHmacSha256Signer(() => 1_700_000_000_000);
    const request = { method: 'put', url: new URL('http://API.example:8443/v1/customers/abc?x=1'), body: '{"a":1}' };
    const { authorization } = signer(request, credentials);
    const expectedString = ['HMAC-SHA256', '1700000000', 'PUT', '/v1/customers/abc?x=1', 'api.example:8443', createHash('sha256').update('{"a":1}').digest('hex')].join('\n');
    expect(hmacStringToSign(request, 1_700_000_000)).toBe(expectedString);
    const signature = createHmac('sha256', credentials.secret).update(expectedString).digest('base64');
    expect(authorization).toBe(`HMAC-SHA256 Credential=dh37fgj492je, Timestamp=1700000000, Signature=${signature}`);
  });
});

describe('basicSigner', () => {
  it('encodes the access id and key as user and password', () => {
    const { authorization } = basicSigner({ method: 'GET', url: new URL('http://h/'), body: '' }, { id: 'merchant', secret: 'pässword' });
    expect(Buffer.from(authorization!.slice('Basic '.length), 'base64').toString('utf8')).toBe('merchant:pässword');
  });
});
