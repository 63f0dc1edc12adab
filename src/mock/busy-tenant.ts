import { basicSigner, hawkSigner } from '../auth/index.ts';
import { exchange } from '../http/exchange.ts';
import type { Vendor } from '../openapi/vendors.ts';

// Test support: the account a shared sandbox really is. Other applications' records, some with
// data no generator of the suite makes and some the spec would not even allow (written by an
// older API version, imported, hand-edited), and other writers adding customers while a run
// goes on. Nothing here is part of the mocks' behaviour; tests pass it in (MockOptions).

const ODD_TEXT = ['\u0000', '\u202Eevil', '👩🏽‍💻'.repeat(40), 'a'.repeat(5000), '  ', 'Ünïcödé\u0301\u0308', '\uD800', '<script>', "'; DROP TABLE customers;--", 'conform-'];

/** `count` Trustist customers of other writers, a third of them outside the spec's schema. */
export function foreignTrustistRecords(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, n) => {
    const odd = ODD_TEXT[n % ODD_TEXT.length]!;
    const created = new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString();
    switch (n % 6) {
      case 0: // documented fields only, nothing unusual but the text
        return { firstName: odd, lastName: `Other ${n}`, orgId: `other-app-${n % 7}`, created, lastUpdated: created };
      case 1: // no documented field at all, not even the timestamps
        return {};
      case 2: // values of the wrong type and format
        return { firstName: 42, emailAddress: ['x'], dateOfBirth: '15/03/1985', address: { country: 'Narnia', postalCode: 12345 }, created: 1_700_000_000, lastUpdated: 'yesterday' };
      case 3: // undocumented fields, nulls everywhere
        return { firstName: null, lastName: null, orgId: null, address: null, legacyRef: { deep: [1, 2, 3] }, created, lastUpdated: created };
      case 4: // another conform run's tag (a prefix of none of ours: runs' tags end at their id)
        return { orgId: `conform-otherrun${n}-customers.create.invalid-body-invalid-1.`, firstName: odd, created, lastUpdated: created };
      default: // a blank record, as a create with `{}` by anyone leaves
        return { created, lastUpdated: created };
    }
  });
}

/** `count` Trustly customers of other writers, a third of them outside the spec's schema. */
export function foreignTrustlyRecords(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, n) => {
    const odd = ODD_TEXT[n % ODD_TEXT.length]!;
    switch (n % 4) {
      case 0:
        return { merchantId: 'not-a-number', name: odd, createdAt: 1_600_000_000_000 + n, updatedAt: 1_600_000_000_000 + n, externalId: `other-app-${n}` };
      case 1: // required fields missing
        return { createdAt: 'long ago' };
      case 2: // another conform run's tag
        return { name: odd, address: { country: 'ZZ' }, phone: 'call me', email: 'nope', externalId: `conform-otherrun${n}-list-external-id-1.`, createdAt: 1_600_000_000_000, updatedAt: 1_600_000_000_000 };
      default:
        return { name: null, address: null, phone: null, email: null, externalId: null, extra: { nested: true }, createdAt: 1_600_000_000_000, updatedAt: 1_600_000_000_000 };
    }
  });
}

/**
 * Another application adding customers to tenant A (merchant A) until stopped: valid creates,
 * some blank, some with another conform run's tag. Resolves how many it made when stopped.
 */
export function startBackgroundWriter(vendor: Vendor, baseUrl: string, credentials: Record<string, string>): { stop(): Promise<number> } {
  let running = true;
  let made = 0;
  const bodies =
    vendor === 'trustist'
      ? (n: number) => [{}, { firstName: `Busy ${n}`, orgId: 'other-app' }, { orgId: `conform-otherrun-customers.create.invalid-body-invalid-${n}.` }][n % 3]
      : (n: number) => ({ name: `Busy ${n}`, address: { country: 'US' }, phone: '+15555550123', email: `busy${n}@example.com`, ...(n % 2 ? { externalId: `other-app-${n}` } : {}) });
  const loop = (async () => {
    for (let n = 0; running; n++) {
      const reply = await exchange({
        baseUrl,
        method: 'POST',
        path: vendor === 'trustist' ? '/v1/customers' : '/api/v1/customers',
        json: bodies(n),
        signer: vendor === 'trustist' ? hawkSigner : basicSigner,
        credentials: vendor === 'trustist' ? { id: credentials.TRUSTIST_KEY_ID!, secret: credentials.TRUSTIST_KEY_SECRET! } : { id: credentials.TRUSTLY_ACCESS_ID!, secret: credentials.TRUSTLY_ACCESS_KEY! },
        timeoutMs: 5000,
      });
      if (reply.response && reply.response.status < 300) made++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return made;
    },
  };
}
