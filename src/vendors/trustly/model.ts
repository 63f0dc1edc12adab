// The documented Trustly customer fields (seeds/trustly-customers.txt), written from the
// documentation alone. How writes change a record is the generic record model's
// (src/kinds/record-model.ts), driven by the spec's x-conform.

/** Required on every write (the request table marks them; `name` and `email` need a character). */
export const REQUIRED_FIELDS = ['name', 'address', 'phone', 'email'] as const;
/** The documented optional data properties; each may be sent as `null`, which removes it. */
export const OPTIONAL_FIELDS = [
  'taxId', 'dateOfBirth', 'externalId', 'enrollDate', 'vip', 'currency', 'balance',
  'organizationNumber', 'externalTier', 'personId', 'nationalId', 'customData', 'driverLicense',
] as const;
export type Body = Record<string, unknown>;
