import type { Fault } from '../fault.ts';

// The Trustist mock's injectable deviations. Each one breaks one documented rule in the
// smallest way a real vendor plausibly could, so the self-test can prove the suite notices it.
// Several are deliberately subtle (they pass any check built on one fixed example): the suite
// only earns trust by catching those too. The mock consults the name at the exact spot of the
// deviation (`if (fault === '…')`), so a reader finds each fault by grepping for its name.
// The name is compared last in its condition, after whatever decides whether the deviation would
// change the answer (`if (raw.length === 0 && fault === '…')`): the self-test counts a rule as
// meeting a fault only where the comparison ran (suites/self-test/fault-reach.ts), and leaves out
// of that fault's run the rules that never met it.

function fault<N extends string>(name: N, rules: [string, ...string[]], description: string) {
  return { name, vendor: 'trustist' as const, rules, description };
}

const CATALOGUE = [
  // Authentication
  fault('auth-missing-accepted', ['trustist.auth.required'], 'A request without an Authorization header is served as if signed with tenant A\'s full key.'),
  fault('auth-missing-accepted-on-reads', ['trustist.auth.required'], 'A GET without an Authorization header is served as tenant A; writes still need a key.'),
  fault('auth-mac-ignored', ['trustist.auth.bad-signature'], 'A known key id is accepted whatever the MAC or signature says.'),
  fault('auth-body-hash-ignored', ['trustist.auth.bad-signature'], 'The Hawk payload hash is never compared with the body, so a body altered after signing is accepted (no effect under hmac-sha256, whose signature covers the body hash itself).'),
  fault('auth-timestamp-unchecked', ['trustist.auth.bad-signature'], 'A correctly signed request is accepted however far its timestamp is from the server clock (replays of old requests succeed).'),
  fault('auth-hawk-replay-accepted', ['trustist.auth.replay'], 'A Hawk-signed request sent again verbatim (same id, ts and nonce) within the timestamp window is served again: the nonce is never checked (no effect under hmac-sha256, which has no nonce).'),
  fault('auth-unknown-key-accepted', ['trustist.auth.unknown-key'], 'An unknown key id is served as tenant A\'s key without checking the signature.'),
  fault('merchant-key-accepted', ['trustist.auth.merchant-key-rejected'], 'A merchant key (no tenant context) is served as tenant A with every permission.'),
  // Permissions
  fault('create-permission-unchecked', ['trustist.permissions.create'], 'Create does not check create_customer.'),
  fault('get-permission-unchecked', ['trustist.permissions.read'], 'Get does not check read_customers (list still does).'),
  fault('list-permission-unchecked', ['trustist.permissions.read'], 'List does not check read_customers (get still does).'),
  fault('update-permission-unchecked', ['trustist.permissions.update'], 'Update does not check update_customer.'),
  fault('update-forbidden-after-write', ['trustist.permissions.update'], 'A key without update_customer gets 403, but the update has already been applied.'),
  // Create
  fault('create-echo-drops-date-of-birth', ['trustist.customers.create.schema', 'trustist.model.stateful'], 'The create response leaves out dateOfBirth, although the record stores it.'),
  fault('create-requires-email', ['trustist.customers.create.all-optional'], 'Create refuses a body without emailAddress (the older page\'s reading) with 400.'),
  fault('create-timestamps-local-time', ['trustist.customers.create.timestamps'], 'created and lastUpdated are one hour behind the clock (local time written with a Z).'),
  fault('create-last-updated-before-created', ['trustist.customers.create.timestamps'], 'A new record\'s lastUpdated is one second before its created.'),
  fault('create-dedupes', ['trustist.customers.create.duplicates-allowed'], 'A create whose fields equal an existing customer\'s returns that customer instead of a new one.'),
  fault('ids-collide', ['trustist.customers.create.duplicates-allowed', 'trustist.customers.list.org-filter', 'trustist.model.stateful'], 'From the 30th create on, ids are drawn from 32 values, so a new customer soon overwrites an older one.'),
  fault('create-accepts-non-object', ['trustist.customers.create.invalid-body'], 'A JSON body that is not an object (array, string, number, null) creates an empty customer.'),
  fault('invalid-create-persists', ['trustist.customers.create.invalid-body'], 'An invalid create body is refused with 400, but a customer with its orgId (when it has a string one) has already been stored.'),
  fault('date-of-birth-pattern-only', ['trustist.customers.validation.date-of-birth'], 'dateOfBirth is checked against the YYYY-MM-DD pattern only, so 2023-02-30 is accepted.'),
  fault('country-any-two-letters', ['trustist.customers.validation.country'], 'address.country accepts any two letters (XX, gb), not only ISO 3166-1 alpha-2 codes.'),
  // Round trip
  fault('astral-chars-mangled', ['trustist.customers.get.round-trip', 'trustist.customers.create.schema', 'trustist.model.stateful', 'trustist.customers.update.sets-fields'], 'Characters outside the Basic Multilingual Plane (emoji, many CJK) are stored as U+FFFD.'),
  fault('names-truncated-at-64', ['trustist.customers.get.round-trip', 'trustist.customers.create.schema', 'trustist.model.stateful', 'trustist.customers.update.sets-fields'], 'firstName and lastName longer than 64 UTF-16 units are silently truncated on store.'),
  fault('get-unknown-400', ['trustist.customers.get.unknown'], 'Get of an id that exists nowhere answers 400 instead of 404.'),
  // Update
  fault('update-replaces-record', ['trustist.customers.update.partial', 'trustist.model.stateful'], 'Update replaces the whole record: fields omitted from the body are cleared.'),
  fault('null-leaves-unchanged', ['trustist.customers.update.null-clears', 'trustist.model.stateful'], 'A field sent as null is left unchanged instead of cleared.'),
  fault('null-stored-as-string', ['trustist.customers.update.null-clears', 'trustist.model.stateful'], 'A field sent as null is stored as the string "null".'),
  fault('update-answers-previous', ['trustist.customers.update.response', 'trustist.model.stateful', 'trustist.customers.update.sets-fields'], 'Update stores the change but answers with the record as it was before.'),
  fault('update-last-updated-frozen', ['trustist.customers.update.timestamps'], 'lastUpdated does not move on update.'),
  fault('update-resets-created', ['trustist.customers.update.timestamps', 'trustist.model.stateful'], 'Update sets created to the time of the update.'),
  fault('update-writes-immutable', ['trustist.customers.update.immutable'], 'id and tenantId sent in an update body overwrite the stored values.'),
  fault('update-unknown-creates', ['trustist.customers.update.unknown'], 'Update of an id that exists nowhere creates a customer with that id (upsert) instead of 404.'),
  // List
  fault('list-prefix-match', ['trustist.customers.list.org-filter', 'trustist.model.stateful'], 'The orgId filter matches every orgId that starts with the given value.'),
  fault('list-case-insensitive', ['trustist.customers.list.org-filter', 'trustist.model.stateful'], 'The orgId filter ignores case.'),
  fault('list-stale-after-update', ['trustist.model.stateful', 'trustist.customers.list.org-filter'], 'Lists keep serving a customer as it was before its updates (a stale list index).'),
  // Tenancy
  fault('get-cross-tenant', ['trustist.tenancy.get-isolated', 'trustist.model.stateful'], 'Get returns another tenant\'s customer.'),
  fault('update-cross-tenant', ['trustist.tenancy.update-isolated', 'trustist.model.stateful'], 'Update changes another tenant\'s customer.'),
  fault('list-cross-tenant', ['trustist.tenancy.list-isolated', 'trustist.model.stateful'], 'The orgId filter searches every tenant\'s customers (a global org index); the unfiltered list stays isolated.'),
  // KYC
  fault('kyc-checks-email-only', ['trustist.kyc.missing-person-data'], 'The onboard person-data check looks only at emailAddress.'),
  fault('kyc-ignores-aml-screening', ['trustist.kyc.missing-person-data'], 'Only identityCheck triggers the person-data check; amlExtensiveScreening alone does not.'),
  fault('kyc-empty-string-accepted', ['trustist.kyc.missing-person-data'], 'An empty string counts as present in the person-data check.'),
  fault('kyc-refusal-sticky', ['trustist.kyc.after-update'], 'Once refused for missing person data, a customer is refused again even after the fields are added.'),
  fault('kyc-ais-only-requires-person-data', ['trustist.kyc.ais-only'], 'Every onboard session requires the person data, even one with AIS options only.'),
  // Update writes
  fault('update-keeps-set-values', ['trustist.customers.update.sets-fields', 'trustist.model.stateful'], 'An update fills only text fields that are empty or absent; a value sent for a text field that holds one is ignored, while lastUpdated still moves.'),
  fault('update-accepts-non-object', ['trustist.customers.update.invalid-body'], 'An update whose JSON body is not an object (array, string, number, null) is applied as {} and answered 200.'),
  // Records and lists
  fault('tenant-id-shared', ['trustist.customers.tenant-id'], "Every customer is shown with tenant A's tenantId, whichever tenant it belongs to (isolation itself is intact)."),
  fault('list-unfiltered-skips-no-org', ['trustist.customers.list.unfiltered', 'trustist.model.stateful'], 'The list without orgId leaves out customers that have no orgId.'),
  fault('list-unknown-org-non-ascii-400', ['trustist.customers.list.unknown-org'], 'A list by an orgId with a non-ASCII character that no customer of any tenant has is refused with 400 instead of an empty list.'),
  // Onboard sessions
  fault('onboard-permission-unchecked', ['trustist.permissions.onboard'], 'Onboard sessions do not check create_onboard_session.'),
  fault('onboard-cross-tenant', ['trustist.tenancy.onboard-isolated'], "An onboard session can be started for another tenant's customer."),
  fault('onboard-duplicate-session-refused', ['trustist.kyc.multiple-sessions'], 'A session request equal to an earlier one for the same customer is refused with 409 (one session per customer and option set).'),
  fault('onboard-unknown-customer-400', ['trustist.kyc.unknown-customer'], 'An onboard session for a customer id that exists nowhere gets 400 instead of 404.'),
  fault('return-url-http-accepted', ['trustist.kyc.return-url'], 'A returnUrl with the http scheme is accepted like an https one.'),
  // HTTP
  fault('server-error-on-empty-body', ['trustist.http.no-server-error', 'trustist.customers.update.invalid-body'], 'A POST or PUT with an empty body crashes the JSON parser and is answered 500.'),
  fault('delete-customer-accepted', ['trustist.http.unsupported-method'], 'DELETE /v1/customers/{id}, which the docs do not give, answers 204 and wipes the customer\'s fields.'),
];

export type TrustistFaultName = (typeof CATALOGUE)[number]['name'];

export const TRUSTIST_FAULTS: Fault[] = CATALOGUE;

/** The fault to inject, or an Error naming every valid one: a typo must not start a conforming mock. */
export function trustistFault(name: string | undefined): TrustistFaultName | undefined {
  if (name === undefined) return undefined;
  const found = CATALOGUE.find((f) => f.name === name);
  if (!found) throw new Error(`unknown Trustist fault "${name}"; valid faults: ${CATALOGUE.map((f) => f.name).join(', ')}`);
  return found.name;
}
