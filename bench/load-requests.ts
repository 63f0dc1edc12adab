import { hawkSigner } from '../src/auth/hawk-signer.ts';
import { basicSigner } from '../src/auth/basic-signer.ts';
import type { KeyCredentials } from '../src/auth/signer.ts';
import type { Vendor } from '../src/openapi/vendors.ts';

export type LoadOperation = 'get' | 'create';

/** What autocannon sends: method, path, body, and a function giving the headers of each request. */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** Headers for one request to `origin`. */
  headers(origin: string): Record<string, string>;
  /** Whether every request needs its own headers (Hawk: a new ts and nonce); Basic is constant. */
  perRequest: boolean;
}

const BODIES: Record<Vendor, unknown> = {
  trustist: {
    firstName: 'Ada',
    lastName: 'Lovelace',
    emailAddress: 'ada@example.com',
    dateOfBirth: '1815-12-10',
    address: { addressLine1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
    orgId: 'bench-throughput',
  },
  trustly: {
    name: 'Ada Lovelace',
    address: { address1: '2000 Broadway St', city: 'Redwood City', state: 'CA', zip: '94063', country: 'US' },
    phone: '+16505550100',
    email: 'ada@example.com',
  },
};

export function customerBody(vendor: Vendor): string {
  return JSON.stringify(BODIES[vendor]);
}

export function collectionPath(vendor: Vendor): string {
  return vendor === 'trustist' ? '/v1/customers' : '/api/v1/customers';
}

/**
 * The signed request of one operation. The same request goes to the mock, the bare server and
 * Prism, so the load generator does the same work (signing included) whatever it measures.
 */
export function loadRequest(vendor: Vendor, operation: LoadOperation, credentials: KeyCredentials, customerId: string): LoadRequest {
  const path = operation === 'get' ? `${collectionPath(vendor)}/${encodeURIComponent(customerId)}` : collectionPath(vendor);
  const body = operation === 'create' ? customerBody(vendor) : undefined;
  const method = operation === 'get' ? 'GET' : 'POST';
  return {
    method,
    path,
    ...(body === undefined ? {} : { body }),
    headers: (origin) => signedHeaders(vendor, method, new URL(path, origin), body, credentials),
    perRequest: vendor === 'trustist',
  };
}

/** The headers of one request, signed the way the vendor's suite signs (Hawk for Trustist, Basic for Trustly). */
export function signedHeaders(vendor: Vendor, method: string, url: URL, body: string | undefined, credentials: KeyCredentials): Record<string, string> {
  const signer = vendor === 'trustist' ? hawkSigner : basicSigner;
  const base: Record<string, string> = { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  return { ...base, ...signer({ method, url, body: body ?? '', contentType: base['content-type'] }, credentials) };
}
