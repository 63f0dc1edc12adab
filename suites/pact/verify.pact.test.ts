import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock } from '../../src/mock/start-mock.ts';
import type { MockOptions } from '../../src/mock/mock-types.ts';
import type { PactVerification } from '../../src/pact/verification-report.ts';
import { verifyPacts } from '../../src/pact/verify-pacts.ts';
import type { Vendor } from '../../src/openapi/vendors.ts';
import { trustistContract } from '../../src/pact/trustist-contract.ts';
import { trustlyContract } from '../../src/pact/trustly-contract.ts';
import { generatePacts } from '../../src/pact/generate-pacts.ts';
import { freshPactDir } from '../../src/testing/pact-output.ts';
import { startSharedVerifier, type SharedVerifier } from '../../src/testing/shared-verifier.ts';

const KEY_VARS: Record<Vendor, [string, string]> = {
  trustist: ['TRUSTIST_KEY_ID', 'TRUSTIST_KEY_SECRET'],
  trustly: ['TRUSTLY_ACCESS_ID', 'TRUSTLY_ACCESS_KEY'],
};

let dir: string;
let pacts: Record<Vendor, string>;
let verifier: SharedVerifier;

/**
 * Verifies the vendor's generated pact against a fresh reference mock (with a fault, or another
 * auth scheme). In the file's shared verifier process, or (`ownProcess`) through verifyPacts, as
 * `conform pact verify` does, with a process of its own.
 */
async function verifyAgainstMock(vendor: Vendor, options: MockOptions & { targetSuffix?: string; ownProcess?: boolean } = {}): Promise<PactVerification> {
  const { targetSuffix, ownProcess, ...mockOptions } = options;
  const mock = await startMock(vendor, { env: {}, ...mockOptions });
  try {
    const [idVar, secretVar] = KEY_VARS[vendor];
    const [result] = await (ownProcess ? verifyPacts : verifier.verify)({
      vendor,
      pactFiles: [pacts[vendor]],
      target: `${mock.url}${targetSuffix ?? ''}`,
      credentials: { id: mock.credentials[idVar]!, secret: mock.credentials[secretVar]! },
      runId: 'pacttest',
      ...(options.auth ? { auth: options.auth } : {}),
    });
    return result!;
  } finally {
    await mock.close();
  }
}

const failedOf = (result: PactVerification) => result.interactions.filter((i) => i.status === 'failed');

// Each verification runs Pact's native verifier in a child process: all but one share a process
// (src/testing/shared-verifier.ts), whose start-up costs about two CPU-seconds; the one that
// goes through verifyPacts starts its own, as `conform pact verify` does. They run one after
// another: run concurrently on a small machine they took ten times as long each.
describe('the project pacts verified against the reference mocks', () => {
  beforeAll(async () => {
    verifier = startSharedVerifier();
    dir = await freshPactDir();
    const [trustist, trustly] = await generatePacts(dir);
    pacts = { trustist: trustist!, trustly: trustly! };
  });
  afterAll(async () => {
    await verifier?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('pass against the Trustist mock, every request signed with Hawk', async () => {
    const result = await verifyAgainstMock('trustist', { ownProcess: true });
    expect(failedOf(result), JSON.stringify(failedOf(result), null, 2)).toEqual([]);
    expect(result.interactions).toHaveLength(trustistContract.interactions.length);
    expect(result.provider).toBe('trustist-customers');
  });

  it('pass against the Trustist mock with the HMAC-SHA256 scheme', async () => {
    const result = await verifyAgainstMock('trustist', { auth: 'hmac-sha256' });
    expect(failedOf(result), JSON.stringify(failedOf(result), null, 2)).toEqual([]);
  });

  it('pass against the Trustly mock, given a base URL written with /api/v1 as the vendor writes it', async () => {
    const result = await verifyAgainstMock('trustly', { targetSuffix: '/api/v1' });
    expect(failedOf(result), JSON.stringify(failedOf(result), null, 2)).toEqual([]);
    expect(result.interactions).toHaveLength(trustlyContract.interactions.length);
  });

  it('pass against the Trustist mock served under a base path, the prefix on every request and in every Hawk signature', async () => {
    const result = await verifyAgainstMock('trustist', { basePath: '/some/prefix' });
    expect(failedOf(result), JSON.stringify(failedOf(result), null, 2)).toEqual([]);
    expect(result.interactions).toHaveLength(trustistContract.interactions.length);
  });

  it('pass against the Trustly mock served under a base path', async () => {
    const result = await verifyAgainstMock('trustly', { basePath: '/gw/trustly' });
    expect(failedOf(result), JSON.stringify(failedOf(result), null, 2)).toEqual([]);
  });

  it('fail on the Trustist mock whose update replaces the whole record, naming the interactions and the missing fields', async () => {
    const result = await verifyAgainstMock('trustist', { fault: 'update-replaces-record' });
    const failed = failedOf(result);
    expect(failed.map((i) => i.description).sort()).toEqual(['a request to clear a customer field with null', 'a request to update part of a customer']);
    expect(failed.find((i) => i.description === 'a request to update part of a customer')!.message).toMatch(/missing the following keys: firstName, lastName/);
  });

  it('fail on the Trustly mock whose create answer leaves out customData', async () => {
    const result = await verifyAgainstMock('trustly', { fault: 'create-response-omits-custom-data' });
    expect(failedOf(result).map((i) => [i.description, i.message])).toEqual([['a request to save a new customer by external id', expect.stringMatching(/customData/)]]);
  });

  it('say which provider state could not be set up when the target refuses the data it needs', async () => {
    // This fault refuses a customer without emailAddress: the KYC state cannot be created.
    const result = await verifyAgainstMock('trustist', { fault: 'create-requires-email' });
    const kyc = result.interactions.find((i) => i.providerStates.includes('a customer without person data exists'))!;
    expect(kyc.status).toBe('failed');
    expect(kyc.message).toMatch(/provider state "a customer without person data exists" could not be set up: creating the customer got 400/);
  });
});
