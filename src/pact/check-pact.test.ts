import { readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePacts } from './generate-pacts.ts';
import { freshPactDir } from '../testing/pact-output.ts';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';
import { checkPact } from './check-pact.ts';
import { parsePact, vendorOfPact } from './read-pact.ts';

type PactJson = { provider: { name: string }; interactions: Record<string, any>[] };

let dir: string;
let documents: Record<'trustist' | 'trustly', PactJson>;

beforeAll(async () => {
  dir = await freshPactDir();
  const [trustist, trustly] = await generatePacts(dir);
  documents = {
    trustist: JSON.parse(await readFile(trustist!, 'utf8')) as PactJson,
    trustly: JSON.parse(await readFile(trustly!, 'utf8')) as PactJson,
  };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A copy of a generated pact with one interaction changed. */
function mutated(vendor: 'trustist' | 'trustly', description: string, change: (interaction: Record<string, any>) => void): PactJson {
  const copy = structuredClone(documents[vendor]);
  const interaction = copy.interactions.find((i) => i.description === description);
  if (!interaction) throw new Error(`no interaction "${description}"`);
  change(interaction);
  return copy;
}

async function check(document: unknown) {
  const pact = parsePact(document, 'test.json');
  return checkPact(pact, await loadVendorSpec((await vendorOfPact(pact))!));
}

describe('checkPact', () => {
  it('accepts the project pacts: every interaction matches its vendor spec', async () => {
    expect(await check(documents.trustist)).toEqual([]);
    expect(await check(documents.trustly)).toEqual([]);
  });

  it('rejects a response field of the wrong type, naming the interaction and the JSON pointer', async () => {
    const pact = mutated('trustly', 'a request to read a customer by id', (i) => {
      i.response.body.content.customer.createdAt = '1555696836548';
    });
    expect(await check(pact)).toEqual([
      { interaction: 'a request to read a customer by id', part: 'response body', pointer: '/customer/createdAt', message: 'response body /customer/createdAt must be integer (getCustomer 200)' },
    ]);
  });

  it('rejects a request field of the wrong type', async () => {
    const pact = mutated('trustist', 'a request to create a customer', (i) => {
      i.request.body.content.firstName = 42;
    });
    const findings = await check(pact);
    expect(findings).toEqual([expect.objectContaining({ interaction: 'a request to create a customer', part: 'request body', pointer: '/firstName' })]);
    expect(findings[0]!.message).toMatch(/^request body \/firstName must be string/);
  });

  it('rejects an undocumented path and an undocumented method', async () => {
    const path = mutated('trustist', 'a request to read a customer', (i) => {
      i.request.path = '/v1/customers/3kTp9j2mN5xR/notes';
    });
    expect(await check(path)).toEqual([
      expect.objectContaining({ interaction: 'a request to read a customer', part: 'path', message: expect.stringMatching(/^GET \/v1\/customers\/3kTp9j2mN5xR\/notes is not a documented path of the trustist spec/) }),
    ]);
    const method = mutated('trustist', 'a request to update part of a customer', (i) => {
      i.request.method = 'PATCH';
    });
    expect(await check(method)).toEqual([expect.objectContaining({ part: 'method', message: 'PATCH is not documented for /v1/customers/{id} (documented: GET, PUT)' })]);
  });

  it('rejects a path parameter its schema refuses, and an undocumented query parameter', async () => {
    const id = mutated('trustly', 'a request to read a customer by id', (i) => {
      i.request.path = '/api/v1/customers/abc';
    });
    expect(await check(id)).toEqual([expect.objectContaining({ part: 'path', pointer: 'customerId', message: expect.stringMatching(/customerId "abc" must match pattern/) })]);
    const query = mutated('trustly', 'a request to list customers by external id', (i) => {
      i.request.query = { email: ['jane.doe@example.com'] };
    });
    expect(await check(query)).toEqual([expect.objectContaining({ part: 'query', pointer: 'email', message: expect.stringMatching(/^query parameter email is not documented for listCustomers/) })]);
  });

  it('rejects an undocumented status, also one that only a status matcher allows', async () => {
    const example = mutated('trustist', 'a request to read a customer', (i) => {
      i.response.status = 202;
    });
    expect(await check(example)).toEqual([expect.objectContaining({ part: 'response status', message: expect.stringMatching(/^status 202 is not documented for getCustomer/) })]);
    const matcher = mutated('trustist', 'a request to create a customer', (i) => {
      i.response.matchingRules.status.$.matchers[0].status = [201, 204];
    });
    expect(await check(matcher)).toEqual([expect.objectContaining({ part: 'response status', message: expect.stringMatching(/^status 204 is not documented for createCustomer/) })]);
  });

  it('reads a V2 pact (plain bodies, query as a string, a single providerState)', async () => {
    const v2 = {
      consumer: { name: 'legacy-app' },
      provider: { name: 'Trustly API' },
      metadata: { pactSpecification: { version: '2.0.0' } },
      interactions: [
        {
          description: 'a legacy lookup',
          providerState: 'a customer exists',
          request: { method: 'GET', path: '/api/v1/customers', query: 'externalId=abc' },
          response: { status: 200, headers: { 'Content-Type': 'application/json' }, body: { customers: [{ customerId: 'x1' }] } },
        },
      ],
    };
    const findings = await check(v2);
    expect(findings.map((f) => f.pointer).sort()).toEqual(expect.arrayContaining(['/customers/0/customerId', '/customers/0/merchantId']));
    expect(findings.every((f) => f.interaction === 'a legacy lookup')).toBe(true);
  });
});
