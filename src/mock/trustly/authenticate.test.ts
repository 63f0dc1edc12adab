import { describe, expect, it } from 'vitest';
import { authenticate } from './basic-auth.ts';
import type { Merchant } from './merchant-credentials.ts';

// authenticate() answers a header exactly as a client builds it with one digest of the whole
// header (remembered once accepted), and decodes every other one. Every way must name the same
// merchant, or refuse alike.

const A: Merchant = { merchantId: '1001', accessId: 'merchant-a', accessKey: 'key-a' };
const B: Merchant = { merchantId: '1002', accessId: 'merchant-b', accessKey: 'key-b' };
const MERCHANTS: [Merchant, Merchant] = [A, B];
const token = (id: string, key: string) => Buffer.from(`${id}:${key}`, 'utf8').toString('base64');

function who(header: string, merchants: readonly [Merchant, ...Merchant[]] = MERCHANTS, fault?: 'auth-key-unchecked'): string {
  try {
    return authenticate(header, merchants, fault).merchantId;
  } catch (error) {
    return `refused ${(error as { status?: number }).status}`;
  }
}

describe('authenticate', () => {
  it('names the same merchant for the canonical header and for the variants Basic allows', () => {
    for (const m of MERCHANTS) {
      const t = token(m.accessId, m.accessKey);
      for (const header of [`Basic ${t}`, `basic ${t}`, `BASIC ${t}`, `Basic  ${t}`, `Basic ${t} `]) expect(who(header), header).toBe(m.merchantId);
    }
  });

  it("refuses another merchant's key, an unknown id and a near miss of the canonical header", () => {
    expect(who(`Basic ${token(A.accessId, B.accessKey)}`)).toBe('refused 401');
    expect(who(`Basic ${token('nobody', A.accessKey)}`)).toBe('refused 401');
    expect(who(`Basic ${token(A.accessId, `${A.accessKey}x`)}`)).toBe('refused 401');
    expect(who(`Basic ${token(A.accessId, A.accessKey)}x`)).toBe('refused 401');
  });

  it('refuses the canonical header of credentials whose accessId holds a colon, as decoding does', () => {
    const odd: Merchant = { merchantId: '1003', accessId: 'a:b', accessKey: 'c' };
    expect(who(`Basic ${token(odd.accessId, odd.accessKey)}`, [odd])).toBe('refused 401');
  });

  it('answers a remembered header again, and refuses it once the merchant\'s key has changed', () => {
    const changing: Merchant = { merchantId: '1005', accessId: 'merchant-c', accessKey: 'key-c' };
    const merchants: [Merchant] = [changing];
    const old = `Basic ${token(changing.accessId, changing.accessKey)}`;
    expect([who(old, merchants), who(old, merchants)]).toEqual(['1005', '1005']);
    changing.accessKey = 'key-c2';
    expect(who(old, merchants)).toBe('refused 401');
    expect(who(`Basic ${token(changing.accessId, 'key-c2')}`, merchants)).toBe('1005');
  });

  it('under auth-key-unchecked picks the merchant by accessId alone, the canonical header included', () => {
    const twin: Merchant = { merchantId: '1004', accessId: A.accessId, accessKey: 'other' };
    // The decoding path lets the last merchant with the accessId win; the canonical header of
    // the first must not short-cut that.
    expect(who(`Basic ${token(A.accessId, A.accessKey)}`, [A, twin], 'auth-key-unchecked')).toBe('1004');
    expect(who(`Basic ${token(A.accessId, 'anything')}`, MERCHANTS, 'auth-key-unchecked')).toBe(A.merchantId);
  });
});
