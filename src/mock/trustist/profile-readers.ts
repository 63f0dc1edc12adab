import { adopt, cannot, choose, keep, same, shown, type ObservationReader, type Reading } from '../profile-reading.ts';

// How the Trustist mock reads a run's observations (results.json) back into its own start
// options. Each reader knows one rule's observation as the suite records it and the mock's own
// reading of the same question; only the doc-correct switches (variants.ts), the page size and
// the lenient Hawk payload hash can be adopted. The observation format is the contract: nothing
// here comes from the suite's code.

const ERROR_BODIES: Record<string, { variant?: string; body: Record<string, string> | string }> = {
  'application/json': { body: { error: 'string', message: 'string' } },
  'application/problem+json': { variant: 'errors-problem-json', body: { code: 'string', detail: 'string', status: 'number', title: 'string', type: 'string' } },
  'text/plain': { variant: 'errors-text-plain', body: 'not JSON' },
};

/** The status the mock gives each kind of refusal trustist.errors.shape sends (missing person data: 400, or 422 by its variant). */
const REFUSAL_STATUS: Record<string, number[]> = { 'invalid body': [400], 'no credentials': [401], 'unknown customer': [404], 'missing person data': [400, 422], 'missing permission': [403] };

type Refusal = { status?: number; contentType?: string; body?: unknown };

function readErrorShape(observation: Record<string, unknown>): Reading[] {
  const kinds = Object.entries(observation) as [string, Refusal][];
  const readings: Reading[] = [];
  const families = new Set(kinds.filter(([kind]) => kind !== 'no credentials').map(([, r]) => r.contentType));
  const family = families.size === 1 ? [...families][0] : undefined;
  const known = family === undefined ? undefined : ERROR_BODIES[family];
  if (!known) return [cannot(`refusals sent as ${[...families].map(shown).join(' and ')}`, 'the mock writes every refusal one way: application/json, application/problem+json or text/plain')];
  readings.push(known.variant ? adopt({ variant: known.variant }, `refusals are ${family}`) : keep(`refusals are ${family}`));
  for (const [kind, refusal] of kinds) {
    if (!REFUSAL_STATUS[kind]) {
      readings.push(cannot(`a refusal "${kind}"`, 'the mock does not know this kind of refusal'));
      continue;
    }
    if (!REFUSAL_STATUS[kind]!.includes(refusal.status ?? -1)) readings.push(cannot(`${kind} answered ${shown(refusal.status)}`, `the mock answers ${REFUSAL_STATUS[kind]!.join(' or ')}`));
    if (kind === 'no credentials' && refusal.contentType === 'none' && refusal.body === 'empty') {
      readings.push(adopt({ variant: 'unauthorized-empty' }, 'a 401 has an empty body'));
      continue;
    }
    if (refusal.contentType !== family) {
      readings.push(cannot(`${kind} sent as ${shown(refusal.contentType)} with body ${shown(refusal.body)}`, `the mock sends it as ${family}`));
      continue;
    }
    const expected = typeof known.body === 'string' || kind !== 'missing person data' ? known.body : { ...known.body, missingFields: 'array' };
    if (!sameKeys(refusal.body, expected)) readings.push(cannot(`${kind} body ${shown(refusal.body)}`, `the mock's ${family} body is ${shown(expected)}`));
  }
  return readings;
}

function sameKeys(body: unknown, expected: unknown): boolean {
  if (typeof body !== 'object' || body === null || typeof expected !== 'object' || expected === null) return same(body, expected);
  const sorted = (o: object) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  return same(sorted(body), sorted(expected));
}

function readListShape(observation: Record<string, unknown>): Reading[] {
  const { paging, ...shape } = observation;
  const readings = [choose('list answer', shape, { kind: 'array' }, [[{ kind: 'object', key: 'customers', otherFields: [] }, 'list-wrapped']], 'the mock answers a bare array or { "customers": [...] }')];
  if (paging === undefined || paging === 'none seen' || (typeof paging === 'string' && paging.startsWith('unknown'))) return readings;
  const { next, pageSize } = paging as { next?: unknown; pageSize?: unknown };
  if (next === 'Link header' && typeof pageSize === 'number' && Number.isSafeInteger(pageSize) && pageSize >= 1) {
    readings.push(adopt({ pageSize }, `lists paged ${pageSize} at a time, the next page in a Link header`));
  } else {
    readings.push(cannot(`list paging ${shown(paging)}`, 'the mock pages only by a Link: <...>; rel="next" header'));
  }
  return readings;
}

function readRoundTrip(observation: Record<string, unknown>): Reading[] {
  const readings: Reading[] = [];
  if (observation.unsetFields !== undefined) {
    readings.push(choose('unset fields', observation.unsetFields, ['left out'], [[['null'], 'absent-as-null']], 'the mock either leaves every unset field out or writes every one as null'));
  }
  if (observation.timeZone !== undefined) {
    readings.push(
      choose('time zone spelt', observation.timeZone, { createCustomer: ['Z'], getCustomer: ['Z'] }, [[{ createCustomer: ['Z'], getCustomer: ['+00:00'] }, 'timestamps-offset']], 'the mock writes Z, or Z on writes and +00:00 on reads'),
    );
  }
  if (observation.stampPrecision !== undefined) {
    readings.push(choose('stamps', observation.stampPrecision, 'sub-second', [['whole seconds', 'timestamps-whole-seconds']], 'the mock stamps to the millisecond or to the whole second'));
  }
  return readings;
}

/** The mock's fixed reading of a question no variant answers differently: kept when the profile agrees, named when not. */
function fixed(what: string, pick: (o: Record<string, unknown>) => unknown, own: unknown): ObservationReader {
  return (observation) => [same(pick(observation), own) ? keep(`${what}: ${shown(own)}`) : cannot(`${what}: ${shown(pick(observation))}`, `the mock's is ${shown(own)}`)];
}

export const TRUSTIST_PROFILE_READERS: Record<string, ObservationReader> = {
  'trustist.errors.shape': readErrorShape,
  'trustist.customers.list.shape': readListShape,
  'trustist.customers.get.round-trip': readRoundTrip,
  'trustist.customers.create.schema': (o) => [
    choose('create status', o.status, [201], [[[200], 'create-200']], 'the mock answers a create with one status, 201 or 200'),
    ...fixed('id length', (x) => x.idLength, [12])(o),
  ],
  'trustist.customers.create.invalid-body': (o) =>
    o.nullInOptionalFieldOnCreate === undefined
      ? []
      : [choose('null in a create', o.nullInOptionalFieldOnCreate, ['refused with 400'], [[['treated as absent'], 'create-null-as-absent']], 'the mock refuses a null with 400 or treats it as absent')],
  'trustist.auth.merchant-key-rejected': (o) => [choose('merchant key status', o.status, 401, [[403, 'merchant-key-403']], 'the mock answers 401 or 403')],
  'trustist.kyc.missing-person-data': (o) => [choose('missing_person_data status', o.status, [400], [[[422], 'missing-person-data-422']], 'the mock answers 400 or 422')],
  'trustist.customers.update.nested-address': (o) => [choose('address in an update', o.reading, 'replace', [['merge', 'address-update-merges']], 'the mock replaces or merges the address')],
  'trustist.auth.payload-hash': (o) =>
    o.accepted === 'yes' ? [adopt({ hawkLenient: true }, 'a body sent without the Hawk payload hash is accepted')] : o.accepted === 'no' ? [keep('the Hawk payload hash is required')] : [cannot(`payload hash accepted: ${shown(o.accepted)}`, 'the mock requires it on every operation or on none')],
  'trustist.customers.update.org-id': fixed('orgId in an update', (o) => o.reading, 'applied'),
  'trustist.customers.update.empty-body': fixed('an empty update', (o) => ({ status: o.status, lastUpdatedMoved: o.lastUpdatedMoved, fieldsChanged: o.fieldsChanged }), { status: 200, lastUpdatedMoved: true, fieldsChanged: false }),
  'trustist.customers.create.equal-stamps': fixed('created and lastUpdated of a new customer', (o) => o.createdEqualsLastUpdated, ['same text']),
  'trustist.customers.id.format': fixed('id form', (o) => ({ length: o.length, form: o.form }), { length: [12], form: ['base62-12 (as the example)'] }),
  'trustist.kyc.guid-customer-id': (o) => [typeof o.guidForm === 'string' && o.guidForm.startsWith('none') ? keep('no GUID form of the id') : cannot(`GUID form of the id: ${shown(o.guidForm)}`, 'the mock has 12-character ids only')],
};
