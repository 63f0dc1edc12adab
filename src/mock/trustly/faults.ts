import type { Fault } from '../fault.ts';

// The injectable deviations of the Trustly mock. Each breaks one documented rule with a small
// conditional at the exact spot in the mock, so the self-test can prove that the suite notices
// it. Several are deliberately subtle (prefix matching, astral characters, truncation past 64
// characters, id collisions after a few dozen creates, stale lists) because a suite that only
// replays fixed examples would miss them.
// The name is compared last in its condition, after whatever decides whether the deviation would
// change the answer (`if (body.email === undefined && fault === '…')`): the self-test counts a
// rule as meeting a fault only where the comparison ran (suites/self-test/fault-reach.ts), and
// leaves out of that fault's run the rules that never met it.

const R = 'trustly.';
const C = 'trustly.customers.';
const STATEFUL = 'trustly.model.stateful';

// A fault's first rule is the one it must make fail; the others are rules whose checks may also
// notice it (the self-test allows those to fail, and no others). A fault that changes how valid
// records are stored can surface in every check that compares a stored record with what was sent.
const RECORD_COMPARING = [
  `${C}create.schema`,
  `${C}get.round-trip`,
  `${C}update.sets-fields`,
  `${C}update.partial`,
  `${C}update.null-removes`,
  `${C}upsert.external-id`,
  `${C}upsert.customer-id`,
  `${C}list.by-external-id`,
  `${C}list.by-customer-id`,
  `${C}upsert.external-id-query`,
  `${C}update.post-back`,
  `${C}update.path-wins`,
  STATEFUL,
];

/** Keeps the literal name, so the mock's `fault === '...'` checks are type-checked against this list. */
function fault<N extends string>(name: N, rules: [string, ...string[]], description: string): Fault & { name: N } {
  const [target, ...others] = rules;
  return { name, vendor: 'trustly', rules: [target, ...new Set(others.filter((rule) => rule !== target))], description };
}

const CATALOGUE = [
  fault('auth-optional', [`${R}auth.required`, `${R}errors.shape`], 'A request without an Authorization header is served as merchant A instead of getting 401.'),
  fault('auth-key-unchecked', [`${R}auth.bad-credentials`, `${R}errors.shape`], 'Only the accessId is checked: any accessKey is accepted for a known accessId.'),
  fault('errors-flat-on-404', [`${R}errors.shape`, `${C}get.unknown`, `${R}merchants.isolated`, `${C}upsert.customer-id`, STATEFUL, `${C}upsert.unknown-customer-id`], 'A 404 body is { "error": "..." } instead of the documented errors list (other statuses keep the documented shape).'),
  fault('error-code-string-on-400', [`${R}errors.shape`, `${C}create.required-fields`, `${C}update.required-fields`, `${C}driver-license`, `${C}update.immutable`, STATEFUL, `${C}invalid-body`, `${C}null-required`, `${C}update.nested`, `${R}errors.codes`], 'A 400 error entry carries its code as the string "200" instead of an integer.'),
  fault('create-response-omits-custom-data', [`${C}create.schema`, `${C}get.round-trip`, `${C}update.partial`, `${C}update.null-removes`, STATEFUL], 'The response to a create leaves out customData although it is stored (a later get shows it).'),
  fault('required-email-unchecked', [`${C}create.required-fields`, `${C}update.required-fields`, STATEFUL, `${C}list.unfiltered`, `${R}errors.codes`], 'A write without an email is accepted; every other required field is still enforced.'),
  fault('driver-license-number-only', [`${C}driver-license`, STATEFUL, `${C}list.unfiltered`, `${C}update.nested`], 'A driverLicense carrying a number but no state is accepted.'),
  fault('upsert-external-id-duplicates', [`${C}upsert.external-id`, `${C}list.by-external-id`, STATEFUL, `${C}upsert.external-id-query`], 'A create carrying an existing externalId adds a second customer instead of updating the first.'),
  fault('upsert-customer-id-ignored', [`${C}upsert.customer-id`, `${C}upsert.external-id`, `${C}list.by-external-id`, `${C}update.immutable`, STATEFUL], 'A create carrying an existing customerId ignores it and adds a new customer, even when its externalId is taken.'),
  fault('astral-chars-mangled', [`${C}get.round-trip`, ...RECORD_COMPARING], 'Characters outside the Basic Multilingual Plane (emoji, astral CJK) are stored as U+FFFD in every field but externalId.'),
  fault('name-truncated-64', [`${C}create.schema`, ...RECORD_COMPARING], 'A name longer than 64 characters is silently truncated to 64 on store.'),
  fault('customer-id-collision', [STATEFUL, `${C}get.round-trip`, `${R}merchants.isolated`, ...RECORD_COMPARING], 'customerIds are drawn from 64 values with no uniqueness check, so within a few dozen creates a new customer overwrites an older one.'),
  fault('get-unknown-400', [`${C}get.unknown`, `${R}errors.shape`, STATEFUL], 'A well-formed customerId that names no customer gets 400 (invalid parameter) instead of 404.'),
  fault('list-prefix-match', [`${C}list.by-external-id`, `${C}upsert.external-id`, STATEFUL], 'The externalId filter matches every externalId that starts with the given value.'),
  fault('list-customer-id-ignored', [`${C}list.by-customer-id`, `${C}upsert.customer-id`, STATEFUL], 'The customerId filter is ignored: the list holds every customer of the merchant.'),
  fault('list-stale-after-update', [STATEFUL, `${R}merchants.isolated`, ...RECORD_COMPARING], 'A repeated list query serves the copy cached before later updates (only a create refreshes it).'),
  fault('update-keeps-phone', [`${C}update.sets-fields`, `${C}update.partial`, `${C}update.null-removes`, `${C}update.post-back`, STATEFUL], 'An update by id sets every passed field but phone, which keeps its old value.'),
  fault('refused-update-applies-fields', [`${C}update.required-fields`, STATEFUL, `${C}invalid-body`, `${C}null-required`], 'An update by id refused with 400 for a missing required field still applies the valid text fields it carried.'),
  fault('null-ignored', [`${C}update.null-removes`, `${C}update.sets-fields`, `${C}update.partial`, `${C}upsert.external-id`, `${C}upsert.customer-id`, STATEFUL], 'A property sent as null in an update keeps its stored value instead of being removed.'),
  fault('timestamps-in-seconds', [`${C}timestamps`, STATEFUL], 'createdAt and updatedAt are Unix seconds instead of milliseconds.'),
  fault('updated-at-frozen', [`${C}timestamps`, STATEFUL], 'updatedAt keeps its creation value on every update.'),
  fault('created-at-reset', [`${C}timestamps`, `${C}update.post-back`, STATEFUL], 'createdAt is reset to the time of each update.'),
  fault('update-takes-merchant-id', [`${C}update.immutable`, `${C}update.sets-fields`, STATEFUL], 'An update stores the merchantId sent in its body (as the seed example sends one) instead of ignoring it.'),
  fault('other-merchant-reads-by-id', [`${R}merchants.isolated`, STATEFUL], "Get by id returns another merchant's customer instead of 404."),
  fault('external-id-global-scope', [`${R}merchants.isolated`, `${C}upsert.external-id`, STATEFUL], "An upsert by externalId finds and updates another merchant's customer with that externalId."),
  fault('update-replaces-whole', [`${C}update.partial`, `${C}update.null-removes`, `${C}update.sets-fields`, STATEFUL], 'An update by id replaces the stored customer with the body, dropping omitted optional fields.'),
  fault('external-id-query-ignored', [`${C}upsert.external-id-query`], 'The externalId query parameter of a create is ignored: a body without an externalId always adds a new customer.'),
  fault('post-back-refused', [`${C}update.post-back`], 'An update by id whose body carries createdAt or updatedAt (as a fetched customer does) is refused with 400 as read-only.'),
  fault('update-finds-by-body-external-id', [`${C}update.path-wins`, STATEFUL], "An update by id changes the customer whose externalId the body carries, when there is one, instead of the customer the path names."),
  fault('null-required-kept', [`${C}null-required`], 'A required field sent as null in an update by id is taken as omitted: the update succeeds and the field keeps its value.'),
  fault('wrong-typed-optional-dropped', [`${C}invalid-body`], 'An optional property of the wrong JSON type is silently dropped and the write accepted, instead of a 400.'),
  fault('unauthorized-code-100', [`${R}errors.codes`], 'A 401 carries error code 100 (internal) instead of 300 or 375.'),
  fault('server-error-on-malformed-id', [`${R}http.no-server-error`], 'A get or update whose customerId is not a numeric string crashes with 500 instead of 404.'),
  fault('put-updates', [`${R}http.unsupported-method`], 'PUT /api/v1/customers/{customerId}, which the docs do not give, updates the customer as POST does.'),
];

export type TrustlyFaultName = (typeof CATALOGUE)[number]['name'];

export const TRUSTLY_FAULTS: Fault[] = CATALOGUE;

export function isTrustlyFault(name: string): name is TrustlyFaultName {
  return TRUSTLY_FAULTS.some((f) => f.name === name);
}
