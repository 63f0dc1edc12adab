import type { Variant } from '../variant.ts';

// The Trustly mock's doc-correct switches: behaviours the vendor's docs allow but the default
// mock does not show. Each answers one question the docs leave open (its group) the other way;
// the suite must accept every one of them. The error body is not among them: the docs define it
// (trustly.errors.shape). The mock consults them by name (`variants.has('…')`), like its faults.

function variant<N extends string>(name: N, group: string, rules: string[], description: string): Variant & { name: N } {
  return { name, vendor: 'trustly', group, rules, description };
}

const C = 'trustly.customers.';

const CATALOGUE = [
  variant('absent-as-null', 'absent optional property', [`${C}create.schema`, `${C}get.round-trip`, `${C}update.null-removes`, 'trustly.model.stateful'],
    'An optional property without a value is written as null instead of left out, the address\'s fields and an error\'s location included.'),
  variant('list-unfiltered-none', 'unfiltered list', [],
    'A list with neither externalId nor customerId answers 200 with no customers instead of every customer (the docs name no answer).'),
  variant('list-unfiltered-400', 'unfiltered list', [],
    'A list with neither externalId nor customerId is refused with 400, code 200 (a filter is required).'),
  variant('list-no-match-404', 'no-match list', [`${C}list.no-match`, `${C}list.by-external-id`, `${C}list.by-customer-id`, 'trustly.merchants.isolated', 'trustly.model.stateful'],
    'A list whose filter matches no customer answers 404 (documented errors list) instead of 200 with none.'),
  variant('external-id-case-insensitive', 'externalId case', [`${C}external-id.case`, `${C}upsert.external-id`, `${C}list.by-external-id`, 'trustly.model.stateful'],
    'externalId matching (upsert key and list filter) ignores letter case; the stored value keeps its case.'),
  variant('enroll-date-defaults-to-created', 'enrollDate default', [`${C}enroll-date.default`, `${C}create.schema`, `${C}get.round-trip`, 'trustly.model.stateful'],
    'A create without enrollDate stores createdAt as its enrollDate (the docs give no default).'),
  variant('upsert-unknown-customer-id-creates', 'unknown customerId upsert', [`${C}upsert.unknown-customer-id`],
    'A create carrying a customerId that names no customer creates a new one with an id the vendor assigns, instead of 404.'),
];

export type TrustlyVariantName = (typeof CATALOGUE)[number]['name'];

export const TRUSTLY_VARIANTS: Variant[] = CATALOGUE;
