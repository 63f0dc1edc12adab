import type { RuleOutcome } from '../results/rule-outcome.ts';
import { RESULTS_VERSION, summarise, type ResultsDocument } from '../results/results.ts';

/**
 * Results documents for reporters' tests: two vendors, with passed, failed (counterexample,
 * replay, exchanges), skipped (reason) and observed rules. They match results.schema.json.
 */

/** What an attacker-controlled vendor response might put in any text a report shows. */
export const HOSTILE = '</script><img src=x onerror=alert(1)>';

function rule(fields: Pick<RuleOutcome, 'id' | 'level' | 'title' | 'status'> & Partial<RuleOutcome>): RuleOutcome {
  const vendor = fields.id.split('.')[0] as RuleOutcome['vendor'];
  return {
    vendor,
    source: { documents: [`specs/${vendor}/customers.openapi.yaml`], statement: `${fields.title}.` },
    seed: 42,
    exchanges: [],
    exchangeCount: 0,
    created: [],
    durationMs: 12,
    ...fields,
  };
}

function document(vendor: ResultsDocument['vendor'], target: string, embedded: boolean, rules: RuleOutcome[]): ResultsDocument {
  return {
    version: RESULTS_VERSION,
    vendor,
    target,
    embedded,
    seed: 42,
    runs: 100,
    runId: 'r20240601t1200',
    startedAt: '2024-06-01T12:00:00.000Z',
    durationMs: 8_412,
    tool: { name: 'conform', version: '0.1.0', node: 'v20.19.0' },
    rules,
    summary: summarise(rules),
    created: [...new Set(rules.flatMap((r) => r.created))],
  };
}

const trustistBase = 'http://127.0.0.1:43111';

export function trustistDocument(): ResultsDocument {
  return document('trustist', `embedded mock at ${trustistBase}`, true, [
    rule({ id: 'trustist.auth.required', level: 'MUST', title: 'A request without credentials is refused with 401', status: 'passed' }),
    rule({ id: 'trustist.auth.bad-signature', level: 'MUST', title: 'A request with a wrong signature is refused with 401', status: 'passed' }),
    rule({
      id: 'trustist.customers.create.schema',
      level: 'MUST',
      title: 'A created customer matches the documented schema',
      status: 'passed',
      created: ['cus_01HZX3K9', 'cus_01HZX3KA'],
      durationMs: 1_530,
    }),
    rule({
      id: 'trustist.customers.create.duplicates-allowed',
      level: 'observed',
      title: 'Whether two customers with the same orgId may exist',
      status: 'observed',
      observation: { duplicatesAllowed: true, secondStatus: 201 },
      created: ['cus_01HZX3KB'],
    }),
    rule({ id: 'trustist.customers.update.null-clears', level: 'MUST', title: 'A null value in a PATCH clears the field', status: 'passed' }),
    rule({
      id: 'trustist.customers.update.partial',
      level: 'MUST',
      title: 'A PATCH changes only the fields it sends',
      status: 'failed',
      source: {
        documents: ['https://docs.trustist.example/customers#update', 'vendor-notes.md §3'],
        statement: 'Fields not present in the request body are left unchanged.',
      },
      failure: {
        message: 'PATCH /v1/customers/{id} changed a field it was not sent',
        received: { address: { city: null, country: 'GB' } },
        expected: { address: { city: 'Leeds', country: 'GB' } },
        pointer: '/address/city',
      },
      counterexample: { create: { orgId: 'conform-r20240601t1200-a', address: { city: 'Leeds', country: 'GB' } }, patch: { address: { country: 'GB' } } },
      path: '7:0:1',
      replay: 'npx conform run --vendor trustist --rule trustist.customers.update.partial --seed 42 --runs 100',
      exchanges: [
        {
          request: {
            method: 'POST',
            url: `${trustistBase}/v1/customers`,
            headers: { 'content-type': 'application/json', authorization: '[redacted]' },
            body: '{"orgId":"conform-r20240601t1200-a","address":{"city":"Leeds","country":"GB"}}',
          },
          response: { status: 201, headers: { 'content-type': 'application/json' }, body: '{"id":"cus_01HZX3KC","address":{"city":"Leeds","country":"GB"}}' },
          durationMs: 4.2,
        },
        {
          request: {
            method: 'PATCH',
            url: `${trustistBase}/v1/customers/cus_01HZX3KC`,
            headers: { 'content-type': 'application/json', authorization: '[redacted]' },
            body: '{"address":{"country":"GB"}}',
          },
          response: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":"cus_01HZX3KC","address":{"city":null,"country":"GB"}}' },
          durationMs: 3.1,
        },
      ],
      exchangeCount: 14,
      created: ['cus_01HZX3KC'],
      durationMs: 2_210,
    }),
    rule({
      id: 'trustist.tenancy.get-isolated',
      level: 'MUST',
      title: "One tenant cannot read another tenant's customer",
      status: 'skipped',
      reason: 'needs TRUSTIST_TENANT_B_KEY_ID and TRUSTIST_TENANT_B_KEY_SECRET, which are not set',
      durationMs: 0,
    }),
    rule({ id: 'trustist.kyc.missing-person-data', level: 'MUST', title: 'A KYC session is refused for a customer without person data', status: 'passed' }),
  ]);
}

export function trustlyDocument(): ResultsDocument {
  const base = 'https://sandbox.trustly.example';
  return document('trustly', base, false, [
    rule({ id: 'trustly.auth.required', level: 'MUST', title: 'A request without credentials is refused', status: 'passed' }),
    rule({
      id: 'trustly.errors.shape',
      level: 'SHOULD',
      title: 'Errors carry the documented error envelope',
      status: 'failed',
      failure: { message: 'the error body is not the documented envelope', received: 'Internal Server Error', expected: { errors: [{ code: '...' }] }, pointer: '' },
      replay: `npx conform run --vendor trustly --rule trustly.errors.shape --seed 42 --runs 100 --target ${base}`,
      exchanges: [
        {
          request: { method: 'GET', url: `${base}/customers/does-not-exist`, headers: { authorization: '[redacted]' } },
          response: { status: 500, headers: { 'content-type': 'text/plain' }, body: 'Internal Server Error' },
          durationMs: 88,
        },
        { request: { method: 'GET', url: `${base}/customers/x`, headers: { authorization: '[redacted]' } }, error: 'UND_ERR_HEADERS_TIMEOUT: Headers Timeout Error', durationMs: 10_000 },
      ],
      exchangeCount: 2,
    }),
    rule({ id: 'trustly.customers.create.schema', level: 'MUST', title: 'A created customer matches the documented schema', status: 'passed', created: ['8123456789'] }),
    rule({
      id: 'trustly.customers.upsert.external-id',
      level: 'observed',
      title: 'What a second create with the same externalId does',
      status: 'observed',
      observation: 'updates the existing customer (same customerId)',
      created: ['8123456790'],
    }),
    rule({
      id: 'trustly.customers.driver-license',
      level: 'SHOULD',
      title: 'A driver licence number is stored and returned',
      status: 'skipped',
      reason: 'the sandbox does not accept driver licences for this merchant',
    }),
  ]);
}

export function fixtureDocuments(): ResultsDocument[] {
  return [trustistDocument(), trustlyDocument()];
}

/** A failed rule with hostile text in every field a vendor's response can reach. */
export function hostileRule(): RuleOutcome {
  return rule({
    id: 'trustist.customers.get.hostile',
    level: 'MUST',
    title: `Title ${HOSTILE} " onmouseover="alert(2)`,
    status: 'failed',
    source: { documents: [`doc ${HOSTILE}`], statement: HOSTILE },
    failure: { message: HOSTILE, received: { name: HOSTILE }, expected: HOSTILE, pointer: `/${HOSTILE}` },
    counterexample: { name: HOSTILE },
    observation: HOSTILE,
    path: HOSTILE,
    replay: `npx conform run --rule '${HOSTILE}'`,
    exchanges: [
      {
        request: { method: 'GET', url: `${trustistBase}/v1/customers/${HOSTILE}`, headers: { 'x-evil': HOSTILE }, body: HOSTILE },
        response: { status: 200, headers: { 'content-type': 'text/html' }, body: `<html><body>${HOSTILE}<a href="https://evil.example/">x</a></body></html>` },
        error: HOSTILE,
        durationMs: 1,
      },
    ],
    exchangeCount: 1,
    created: [HOSTILE],
  });
}

/** The fixture documents with the hostile rule added to trustist's results. */
export function hostileDocuments(): ResultsDocument[] {
  const [trustist, trustly] = fixtureDocuments() as [ResultsDocument, ResultsDocument];
  const rules = [...trustist.rules, hostileRule()];
  return [{ ...trustist, rules, summary: summarise(rules), created: [...trustist.created, HOSTILE], target: `${trustist.target} ${HOSTILE}` }, trustly];
}
