import type { KeyCredentials } from '../src/auth/signer.ts';
import type { Vendor } from '../src/openapi/vendors.ts';

/** The first and second tenant's (Trustist) or merchant's (Trustly) key, from a mock's credential variables. */
export function vendorKeys(vendor: Vendor, credentials: Record<string, string>): [KeyCredentials, KeyCredentials] {
  const names =
    vendor === 'trustist'
      ? [['TRUSTIST_KEY_ID', 'TRUSTIST_KEY_SECRET'], ['TRUSTIST_TENANT_B_KEY_ID', 'TRUSTIST_TENANT_B_KEY_SECRET']]
      : [['TRUSTLY_ACCESS_ID', 'TRUSTLY_ACCESS_KEY'], ['TRUSTLY_MERCHANT_B_ACCESS_ID', 'TRUSTLY_MERCHANT_B_ACCESS_KEY']];
  const [a, b] = names.map(([id, secret]) => {
    const key = { id: credentials[id!], secret: credentials[secret!] };
    if (!key.id || !key.secret) throw new Error(`the mock did not report ${id} and ${secret}`);
    return key as KeyCredentials;
  });
  return [a!, b!];
}
