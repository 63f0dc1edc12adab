import './no-tracking.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { PactV4, type Path, type StatusCodeMatcher, type TemplateQuery } from '@pact-foundation/pact';
import type { Vendor } from '../openapi/vendors.ts';

/** The consumer the project's own pacts are written for: an application integrating both vendors. */
export const CONSUMER = 'conform-example-app';

/** Credentials the app signs with in consumer tests: Pact's mock server does not check them (the verifier signs for real). */
export const CONSUMER_TEST_CREDENTIALS = { id: 'pact-consumer-key', secret: 'pact-consumer-secret' };

type JsonMap = Record<string, unknown>;

/**
 * One interaction the application relies on, as data: what it sends, what it needs back (with
 * matchers saying which parts are types and which are values), and the app code that makes
 * the call. The consumer tests and `conform pact verify` (which generates the pacts when it is
 * given none) record the same list, so the contract and its runnable example never drift.
 */
export interface ContractInteraction<App> {
  description: string;
  /** Provider states, by the names src/pact/provider-states.ts sets up; params describe the record. */
  given?: { state: string; params?: JsonMap }[];
  request: { method: 'GET' | 'POST' | 'PUT'; path: Path; query?: TemplateQuery; body?: unknown };
  response: { status: number | StatusCodeMatcher<number>; body?: unknown };
  /** Drives the app against Pact's mock server; rejects when the app did not get what it needs. */
  exercise(app: App): Promise<void>;
}

export interface Contract<App> {
  vendor: Vendor;
  consumer: string;
  provider: string;
  interactions: ContractInteraction<App>[];
  /** The app, pointed at a base URL (Pact's mock server in consumer tests). */
  connect(baseUrl: string): Promise<App>;
}

export function pactFileName(contract: Contract<unknown>): string {
  return `${contract.consumer}-${contract.provider}.json`;
}

/** A PactV4 writing the contract's pact file into `dir` (merging with a file already there). */
export function newPact(contract: Contract<unknown>, dir: string): PactV4 {
  return new PactV4({ consumer: contract.consumer, provider: contract.provider, dir, logLevel: 'error' });
}

/** Records one interaction: the app runs against Pact's mock server, and the pact file gets the interaction. */
export async function recordInteraction<App>(pact: PactV4, contract: Contract<App>, interaction: ContractInteraction<App>): Promise<void> {
  let builder = pact.addInteraction();
  for (const { state, params } of interaction.given ?? []) builder = builder.given(state, params as never);
  const { request, response } = interaction;
  await builder
    .uponReceiving(interaction.description)
    .withRequest(request.method, request.path, (b) => {
      if (request.query) b.query(request.query);
      if (request.body !== undefined) b.jsonBody(request.body);
    })
    .willRespondWith(response.status, (b) => {
      if (response.body !== undefined) b.headers({ 'Content-Type': 'application/json' }).jsonBody(response.body);
    })
    .executeTest(async (server) => {
      await interaction.exercise(await contract.connect(server.url));
      await settle(pact, server.port);
    });
}

/**
 * Pact's mock server records a request just after it has answered it, and pact-js asks whether
 * every expected request arrived as soon as the test function returns: a fast client can win
 * that race and fail a test whose request did arrive (seen here about once in 20 interactions).
 * So wait until the mock server says it has matched everything (bounded: a request that really
 * did not match is reported by pact-js afterwards as usual).
 */
async function settle(pact: PactV4, port: number): Promise<void> {
  // pact-js keeps its core handle private; without it, a short pause does the same job.
  const core = (pact as unknown as { pact?: { mockServerMatchedSuccessfully?: (port: number) => boolean } }).pact;
  if (typeof core?.mockServerMatchedSuccessfully !== 'function') return sleep(50);
  const deadline = Date.now() + 1000;
  while (!core.mockServerMatchedSuccessfully(port) && Date.now() < deadline) await sleep(5);
}
