import { SCHEME_SIGNERS } from '../auth/scheme-signer.ts';
import { exchange } from '../http/exchange.ts';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';
import type { Vendor } from '../openapi/vendors.ts';
import { requiredRole } from '../openapi/x-conform.ts';

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

/** What another application creates, by vendor: valid creates, some blank, some with another conform run's tag. */
const OTHER_WRITERS_BODIES: Record<Vendor, (n: number) => unknown> = {
  trustist: (n) => [{}, { firstName: `Busy ${n}`, orgId: 'other-app' }, { orgId: `conform-otherrun-customers.create.invalid-body-invalid-${n}.` }][n % 3],
  trustly: (n) => ({ name: `Busy ${n}`, address: { country: 'US' }, phone: '+15555550123', email: `busy${n}@example.com`, ...(n % 2 ? { externalId: `other-app-${n}` } : {}) }),
};

/**
 * Another application adding customers to tenant A (merchant A) until stopped. Where it sends
 * them (the create operation's path), how it signs (the default auth scheme) and with which key
 * (the required credential role's variables) come from the spec's x-conform: no vendor's facts
 * are written here twice. Resolves how many it made when stopped.
 */
export function startBackgroundWriter(vendor: Vendor, baseUrl: string, credentials: Record<string, string>): { stop(): Promise<number> } {
  let running = true;
  let made = 0;
  const bodies = OTHER_WRITERS_BODIES[vendor];
  const loop = (async () => {
    const { conform, validators } = await loadVendorSpec(vendor);
    const create = validators.operation(conform.operations.create);
    const signer = SCHEME_SIGNERS[conform.auth.default]!;
    const [, key] = requiredRole(conform);
    for (let n = 0; running; n++) {
      const reply = await exchange({
        baseUrl,
        method: create.method,
        path: create.path,
        json: bodies(n),
        signer,
        credentials: { id: credentials[key.idVar]!, secret: credentials[key.secretVar]! },
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
