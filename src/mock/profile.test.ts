import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Vendor } from '../openapi/vendors.ts';
import { RESULTS_VERSION, summarise, type ResultsDocument } from '../results/results.ts';

type RuleOutcome = ResultsDocument['rules'][number];
import { calibrate, describeProfile, ProfileError, readProfile, withProfile } from './profile.ts';

// The profile -> mock options mapping, one reading at a time. The observations are as the suite
// records them against the variant mocks (suites/variants.test.ts holds the suite to them).

type Observed = [rule: string, observation: unknown, status?: RuleOutcome['status']];

function documentOf(vendor: Vendor, observed: Observed[], target = 'embedded mock', embedded = true): ResultsDocument {
  const rules: RuleOutcome[] = observed.map(([id, observation, status]) => ({
    id,
    vendor,
    level: 'MUST',
    title: id,
    source: { documents: ['seeds/customers.txt'], statement: id },
    status: status ?? 'passed',
    observation,
    seed: 1,
    exchanges: [],
    exchangeCount: 0,
    created: [],
    durationMs: 1,
  }));
  return { version: RESULTS_VERSION, vendor, target, embedded, seed: 1, runs: 3, runId: 'r', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1, tool: { name: 'conform', version: '0', node: 'v20' }, rules, summary: summarise(rules), created: [] };
}

const JSON_REFUSALS = {
  'invalid body': { status: 400, contentType: 'application/json', body: { error: 'string', message: 'string' } },
  'no credentials': { status: 401, contentType: 'application/json', body: { error: 'string', message: 'string' } },
  'unknown customer': { status: 404, contentType: 'application/json', body: { error: 'string', message: 'string' } },
  'missing person data': { status: 400, contentType: 'application/json', body: { error: 'string', message: 'string', missingFields: 'array' } },
};
const PROBLEM = { code: 'string', detail: 'string', status: 'number', title: 'string', type: 'string' };
const PROBLEM_REFUSALS = Object.fromEntries(
  Object.entries(JSON_REFUSALS).map(([kind, r]) => [kind, { ...r, contentType: 'application/problem+json', body: kind === 'missing person data' ? { ...PROBLEM, missingFields: 'array' } : PROBLEM }]),
);
const TEXT_REFUSALS = Object.fromEntries(Object.entries(JSON_REFUSALS).map(([kind, r]) => [kind, { ...r, contentType: 'text/plain', body: 'not JSON' }]));

const ADOPTED: [vendor: Vendor, variant: string, observed: Observed][] = [
  ['trustist', 'errors-problem-json', ['trustist.errors.shape', PROBLEM_REFUSALS]],
  ['trustist', 'errors-text-plain', ['trustist.errors.shape', TEXT_REFUSALS]],
  ['trustist', 'unauthorized-empty', ['trustist.errors.shape', { ...JSON_REFUSALS, 'no credentials': { status: 401, contentType: 'none', body: 'empty' } }]],
  ['trustist', 'absent-as-null', ['trustist.customers.get.round-trip', { unsetFields: ['null'], timeZone: { createCustomer: ['Z'], getCustomer: ['Z'] } }]],
  ['trustist', 'timestamps-offset', ['trustist.customers.get.round-trip', { unsetFields: ['left out'], timeZone: { createCustomer: ['Z'], getCustomer: ['+00:00'] } }]],
  ['trustist', 'timestamps-whole-seconds', ['trustist.customers.get.round-trip', { unsetFields: ['left out'], timeZone: { createCustomer: ['Z'], getCustomer: ['Z'] }, stampPrecision: 'whole seconds' }]],
  ['trustist', 'create-null-as-absent', ['trustist.customers.create.invalid-body', { nullInOptionalFieldOnCreate: ['treated as absent'] }]],
  ['trustist', 'create-200', ['trustist.customers.create.schema', { status: [200], idLength: [12] }]],
  ['trustist', 'merchant-key-403', ['trustist.auth.merchant-key-rejected', { status: 403 }]],
  ['trustist', 'list-wrapped', ['trustist.customers.list.shape', { kind: 'object', key: 'customers', otherFields: [], paging: 'none seen' }]],
  ['trustist', 'missing-person-data-422', ['trustist.kyc.missing-person-data', { status: [422] }]],
  ['trustist', 'address-update-merges', ['trustist.customers.update.nested-address', { reading: 'merge', sent: {}, addressAfter: {} }]],
  ['trustly', 'absent-as-null', ['trustly.customers.get.round-trip', { unsetFields: ['null'] }]],
  ['trustly', 'list-unfiltered-none', ['trustly.customers.list.unfiltered', { answer: 'none (200)' }]],
  ['trustly', 'list-unfiltered-400', ['trustly.customers.list.unfiltered', { answer: 'refused (400)' }]],
  ['trustly', 'list-no-match-404', ['trustly.customers.list.no-match', { byExternalId: '404', byCustomerId: '404' }]],
  ['trustly', 'external-id-case-insensitive', ['trustly.customers.external-id.case', { listFilter: 'ignores case', upsertKey: 'ignores case' }]],
  ['trustly', 'enroll-date-defaults-to-created', ['trustly.customers.enroll-date.default', { enrollDate: 'createdAt' }]],
  ['trustly', 'upsert-unknown-customer-id-creates', ['trustly.customers.upsert.unknown-customer-id', { status: 200, outcome: 'created with a new customerId' }]],
];

describe('a profile read into mock options', () => {
  it.each(ADOPTED)('%s: adopts %s from its rule', (vendor, variant, observed) => {
    const profile = calibrate(documentOf(vendor, [observed]));
    expect(profile.options.variants).toEqual([variant]);
    expect(profile.adopted).toEqual([expect.objectContaining({ setting: variant, rule: observed[0] })]);
    expect(profile.notReproduced).toEqual([]);
  });

  it('adopts the page size of a list paged by Link headers, and names paging the mock cannot do', () => {
    const linked = calibrate(documentOf('trustist', [['trustist.customers.list.shape', { kind: 'array', paging: { next: 'Link header', pageSize: 20 } }]]));
    expect(linked.options).toEqual({ pageSize: 20 });
    expect(describeProfile(linked, 'run.json')).toEqual(['adopting page size 20 from trustist.customers.list.shape: lists paged 20 at a time, the next page in a Link header']);
    const token = calibrate(documentOf('trustist', [['trustist.customers.list.shape', { kind: 'array', paging: { next: 'body nextPageToken', pageSize: 50 } }]]));
    expect(token.options).toEqual({});
    expect(token.notReproduced).toEqual([expect.stringMatching(/list paging .*nextPageToken.*the mock pages only by a Link/)]);
  });

  it('adopts the lenient Hawk payload hash when the target took a body without it', () => {
    const profile = calibrate(documentOf('trustist', [['trustist.auth.payload-hash', { accepted: 'yes', statuses: { createCustomer: 201, updateCustomer: 200 } }]]));
    expect(profile.options).toEqual({ hawkLenient: true });
  });

  it('adopts the base path of a live target, never of an embedded run', () => {
    expect(calibrate(documentOf('trustly', [], 'https://sandbox.example.com/gw/trustly/', false)).options).toEqual({ basePath: '/gw/trustly' });
    expect(calibrate(documentOf('trustly', [], 'https://sandbox.example.com', false)).options).toEqual({});
    expect(calibrate(documentOf('trustly', [], 'embedded mock', true)).options).toEqual({});
  });

  it("keeps the mock's own readings silently, and adopts nothing from them", () => {
    const profile = calibrate(
      documentOf('trustist', [
        ['trustist.errors.shape', JSON_REFUSALS],
        ['trustist.customers.create.schema', { status: [201], idLength: [12] }],
        ['trustist.customers.update.org-id', { reading: 'applied', status: 200, orgIdChanged: true }],
      ]),
    );
    expect(profile).toMatchObject({ options: {}, adopted: [], notReproduced: [] });
  });

  it('names what the mock cannot reproduce, and adopts the rest', () => {
    const profile = calibrate(
      documentOf('trustist', [
        ['trustist.customers.create.schema', { status: [200], idLength: [22] }],
        ['trustist.customers.update.org-id', { reading: 'refused', status: 400 }],
        ['trustist.customers.list.shape', { kind: 'object', key: 'items', otherFields: ['total'], paging: 'none seen' }],
      ]),
    );
    expect(profile.options).toEqual({ variants: ['create-200'] });
    expect(profile.notReproduced).toEqual([
      'trustist.customers.create.schema: id length: [22] (the mock\'s is [12])',
      'trustist.customers.update.org-id: orgId in an update: refused (the mock\'s is applied)',
      expect.stringMatching(/^trustist\.customers\.list\.shape: list answer: .*"items".* \(the mock answers a bare array or/),
    ]);
  });

  it('never adopts the evidence of a rule that failed or was not judged in full', () => {
    const profile = calibrate(
      documentOf('trustist', [
        ['trustist.kyc.missing-person-data', { status: [422] }, 'failed'],
        ['trustist.customers.create.schema', { status: [200], idLength: [12] }, 'incomplete'],
      ]),
    );
    expect(profile.options).toEqual({});
    expect(profile.notReproduced).toEqual([
      expect.stringMatching(/^trustist\.kyc\.missing-person-data: its observation is not adopted, the rule failed/),
      expect.stringMatching(/^trustist\.customers\.create\.schema: its observation is not adopted, the rule is incomplete/),
    ]);
  });

  it('takes one reading of a question: a second, different one is named, not adopted', () => {
    const profile = calibrate(
      documentOf('trustist', [
        ['trustist.errors.shape', { ...PROBLEM_REFUSALS, 'missing person data': { ...PROBLEM_REFUSALS['missing person data'], status: 422 } }],
        ['trustist.kyc.missing-person-data', { status: [422] }],
        ['trustist.customers.get.round-trip', { unsetFields: ['left out', 'null'] }],
      ]),
    );
    expect(profile.options.variants).toEqual(['errors-problem-json', 'missing-person-data-422']);
    expect(profile.notReproduced).toEqual([expect.stringMatching(/unset fields: \["left out","null"\] \(the mock either leaves every unset field out or writes every one as null\)/)]);
  });

  it('names drift once, and an observation no reader knows', () => {
    const profile = calibrate(
      documentOf('trustly', [
        ['trustly.customers.timestamps', { drift: [{ operation: 'getCustomer', status: 200, pointer: '/customer/x', message: 'm' }] }],
        ['trustly.customers.new-rule', { something: 'else' }],
      ]),
    );
    expect(profile.notReproduced).toEqual([
      'trustly.customers.new-rule: {"something":"else"} (the mock does not read this rule\'s observation)',
      expect.stringMatching(/^drift recorded on 1 rule: the mock answers as the spec documents/),
    ]);
  });
});

describe('start options with a profile', () => {
  it('adds the profile to what was given, the given options winning in each group', () => {
    const profile = { variants: ['create-200', 'errors-text-plain'], pageSize: 5, basePath: '/gw', hawkLenient: true };
    expect(withProfile('trustist', { variants: ['errors-problem-json'], pageSize: 9 }, profile)).toEqual({
      variants: ['errors-problem-json', 'create-200'],
      pageSize: 9,
      basePath: '/gw',
      hawkLenient: true,
    });
    expect(withProfile('trustist', { auth: 'hmac-sha256' }, { hawkLenient: true })).toEqual({ auth: 'hmac-sha256' });
    expect(withProfile('trustly', { port: 0 }, undefined)).toEqual({ port: 0 });
  });
});

describe('the lines a calibrated mock prints', () => {
  it('names an adoption an explicit option overrode', () => {
    const profile = calibrate(documentOf('trustly', [['trustly.customers.list.unfiltered', { answer: 'none (200)' }], ['trustly.customers.list.no-match', { byExternalId: '404', byCustomerId: '404' }]]));
    const started = withProfile('trustly', { variants: ['list-unfiltered-400'] }, profile.options);
    expect(started.variants).toEqual(['list-unfiltered-400', 'list-no-match-404']);
    expect(describeProfile(profile, 'p.json', started)).toEqual([
      'not adopting list-unfiltered-none from trustly.customers.list.unfiltered (a list without a filter: none (200)): an option given explicitly takes its place',
      'adopting list-no-match-404 from trustly.customers.list.no-match: a list matching nothing: {"byExternalId":"404","byCustomerId":"404"}',
    ]);
    expect(describeProfile(calibrate(documentOf('trustly', [])), 'p.json')).toEqual(['trustly profile p.json: nothing to adopt']);
  });
});

describe('reading a profile from disk', () => {
  it('reads the vendor\'s results.json of a report directory, and refuses anything else with a ProfileError that says what to give', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-profile-'));
    await mkdir(join(dir, 'trustly'));
    await writeFile(join(dir, 'trustly', 'results.json'), JSON.stringify(documentOf('trustly', [['trustly.customers.list.unfiltered', { answer: 'none (200)' }]])));
    expect((await readProfile(dir, 'trustly')).options).toEqual({ variants: ['list-unfiltered-none'] });
    await expect(readProfile(dir, 'trustist')).rejects.toThrow(ProfileError);
    await expect(readProfile(dir, 'trustist')).rejects.toThrow(/holds results of trustly, not of trustist/);
    const notResults = join(dir, 'other.json');
    await writeFile(notResults, '{"hello": 1}');
    await expect(readProfile(notResults, 'trustly')).rejects.toThrow(/--profile: .*other\.json is not a conform results\.json.*give the results\.json/);
    await expect(readProfile(join(dir, 'missing'), 'trustly')).rejects.toThrow(/--profile: cannot read .*missing/);
  });
});
