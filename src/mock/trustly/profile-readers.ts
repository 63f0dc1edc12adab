import { cannot, choose, keep, same, shown, type ObservationReader } from '../profile-reading.ts';

// How the Trustly mock reads a run's observations (results.json) back into its own start options:
// only its doc-correct switches (variants.ts) can be adopted; every other recorded reading is
// compared with the mock's own and named when it differs. The observation format is the contract:
// nothing here comes from the suite's code.

const C = 'trustly.customers.';

/** The mock's fixed reading of a question no variant answers differently. */
function fixed(what: string, own: unknown): ObservationReader {
  return (observation) => {
    const { drift: _drift, ...value } = observation;
    return [same(value, own) ? keep(`${what}: ${shown(own)}`) : cannot(`${what}: ${shown(value)}`, `the mock's is ${shown(own)}`)];
  };
}

export const TRUSTLY_PROFILE_READERS: Record<string, ObservationReader> = {
  [`${C}get.round-trip`]: (o) =>
    o.unsetFields === undefined ? [] : [choose('unset properties', o.unsetFields, ['left out'], [[['null'], 'absent-as-null']], 'the mock either leaves every unset property out or writes every one as null')],
  [`${C}list.unfiltered`]: (o) => [
    choose('a list without a filter', o.answer, "the merchant's customers (200)", [['none (200)', 'list-unfiltered-none'], ['refused (400)', 'list-unfiltered-400']], 'the mock answers every customer, none, or 400'),
  ],
  [`${C}list.no-match`]: (o) => [
    choose('a list matching nothing', o, { byExternalId: '200 with 0 customers', byCustomerId: '200 with 0 customers' }, [[{ byExternalId: '404', byCustomerId: '404' }, 'list-no-match-404']], 'the mock answers both filters alike: 200 with none, or 404'),
  ],
  [`${C}external-id.case`]: (o) => [
    choose('externalId matching', o, { listFilter: 'case-sensitive', upsertKey: 'case-sensitive' }, [[{ listFilter: 'ignores case', upsertKey: 'ignores case' }, 'external-id-case-insensitive']], 'the mock matches case in both places or in neither'),
  ],
  [`${C}enroll-date.default`]: (o) => [choose('enrollDate when not sent', o.enrollDate, 'absent', [['createdAt', 'enroll-date-defaults-to-created']], 'the mock leaves it out or takes createdAt')],
  [`${C}upsert.unknown-customer-id`]: (o) => [
    choose('a create naming an unknown customerId', o, { status: 404, outcome: 'refused' }, [[{ status: 200, outcome: 'created with a new customerId' }, 'upsert-unknown-customer-id-creates']], 'the mock refuses it with 404 or creates a new customer'),
  ],
  // Follows from upsert.unknown-customer-id: another merchant's customerId is unknown to the caller.
  'trustly.merchants.isolated': (o) => {
    const answers = o.upsertWithAnotherMerchantsKey;
    const shows = [['customerId: 404', 'externalId: new customer of B'], ['customerId: new customer of B', 'externalId: new customer of B']];
    return [shows.some((s) => same(answers, s)) ? keep(`upserts with another merchant's key: ${shown(answers)}`) : cannot(`upserts with another merchant's key: ${shown(answers)}`, `the mock's are ${shows.map(shown).join(' or ')}`)];
  },
  [`${C}update.nested`]: fixed('partial nested objects in an update', { address: 'replaced', customData: 'replaced', driverLicense: 'refused (400)' }),
  [`${C}update.body-merchant-id`]: fixed('merchantId in an update body', { own: 'ignored (200)', other: 'ignored (200)' }),
  [`${C}tax-id.masking`]: fixed('taxId', { created: 'in full', stored: 'in full' }),
  [`${C}update.immutable`]: fixed('ids in an update body', { bodyIdsAnsweredWith: [200] }),
  [`${C}update.path-wins`]: fixed('a body naming another customer', { bodyNamingAnotherCustomerAnsweredWith: [200] }),
};
