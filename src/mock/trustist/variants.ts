import type { Variant } from '../variant.ts';

// The Trustist mock's doc-correct switches: behaviours the vendor's docs allow but the default
// mock does not show. Each answers one question the docs leave open (its group) the other way;
// the suite must accept every one of them. The mock consults them by name at the spot of the
// behaviour (`variants.has('…')`), like its faults.

function variant<N extends string>(name: N, group: string, rules: string[], description: string): Variant & { name: N } {
  return { name, vendor: 'trustist', group, rules, description };
}

const AUTH_RULES = ['trustist.auth.required', 'trustist.auth.bad-signature', 'trustist.auth.unknown-key', 'trustist.auth.merchant-key-rejected'];
const PERMISSION_RULES = ['trustist.permissions.create', 'trustist.permissions.read', 'trustist.permissions.update'];

const CATALOGUE = [
  variant('errors-problem-json', 'error body', [...AUTH_RULES, ...PERMISSION_RULES, 'trustist.customers.create.invalid-body', 'trustist.kyc.missing-person-data'],
    'Every refusal is an RFC 9457 application/problem+json object { type, title, status, detail, code } (the docs give no error body).'),
  variant('errors-text-plain', 'error body', [...AUTH_RULES, ...PERMISSION_RULES, 'trustist.customers.create.invalid-body', 'trustist.kyc.missing-person-data'],
    'Every refusal is text/plain: a 401 says "Unauthorized", others "<code>: <message>" (the docs give no error body).'),
  variant('unauthorized-empty', 'unauthorized body', AUTH_RULES,
    'A 401 has an empty body and only the WWW-Authenticate challenge (the docs give no error body).'),
  variant('absent-as-null', 'absent optional property', ['trustist.customers.create.schema', 'trustist.customers.get.round-trip', 'trustist.customers.update.null-clears', 'trustist.model.stateful'],
    'An optional property without a value is written as null instead of left out, the address\'s fields included (the docs do not say which).'),
  variant('timestamps-offset', 'timestamp spelling', ['trustist.customers.get.round-trip', 'trustist.customers.update.timestamps', 'trustist.customers.list.org-filter', 'trustist.model.stateful'],
    'Get and list write created and lastUpdated with the offset +00:00, create and update with Z: the same UTC instants in two RFC 3339 spellings.'),
  variant('timestamps-whole-seconds', 'timestamp precision', ['trustist.customers.create.timestamps', 'trustist.customers.update.timestamps', 'trustist.customers.update.empty-body', 'trustist.customers.create.equal-stamps', 'trustist.model.stateful'],
    'created and lastUpdated come from a clock of whole seconds, as in the docs\' examples (2025-01-21T14:30:00Z), still written with milliseconds (…T14:30:00.000Z).'),
  variant('create-null-as-absent', 'null on create', ['trustist.customers.create.invalid-body'],
    'A create treats a documented field sent as null like an absent one, instead of refusing it (null is not clearly a value of the wrong type).'),
  variant('create-200', 'create status', ['trustist.customers.create.schema'],
    'A successful create answers 200 OK instead of 201 Created (the seed shows no status).'),
  variant('merchant-key-403', 'merchant key status', ['trustist.auth.merchant-key-rejected'],
    'A merchant key on customer endpoints gets 403 (the API-keys page) instead of 401 (the seed).'),
  variant('list-wrapped', 'list shape', ['trustist.customers.list.shape', 'trustist.customers.list.org-filter', 'trustist.tenancy.list-isolated', 'trustist.model.stateful'],
    'A list answers { "customers": [...] } instead of a bare array (the docs do not show the list body).'),
  variant('missing-person-data-422', 'missing_person_data status', ['trustist.kyc.missing-person-data'],
    'The missing_person_data refusal is 422 instead of 400 (its status is undocumented).'),
  variant('address-update-merges', 'nested address update', ['trustist.customers.update.nested-address', 'trustist.model.stateful'],
    'An address in an update is merged field by field into the stored address instead of replacing it.'),
];

export type TrustistVariantName = (typeof CATALOGUE)[number]['name'];

export const TRUSTIST_VARIANTS: Variant[] = CATALOGUE;
