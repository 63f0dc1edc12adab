import { randomUUID } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { basicSigner, type KeyCredentials } from '../auth/index.ts';
import { exchange } from '../http/exchange.ts';
import { loadVendorSpec, type ValidationResult } from '../openapi/index.ts';
import type { RunningMock } from '../mock/mock-types.ts';

// Test-only helpers for the Trustly mock's tests: the mock itself never imports this file
// (it may not reach src/auth or src/http). Requests go through the project's real client and
// signer, so the tests exercise the mock the way the suite will.

export type Caller = 'A' | 'B' | 'none' | KeyCredentials;

export interface Sent {
  status: number;
  headers: Record<string, string>;
  text: string;
  // Tests read deep into bodies; `any` keeps those reads short, and the spec validation guards them.
  json: any;
  /** The response checked against the spec's operation (a valid result when no operation applies). */
  validation: ValidationResult;
}

export interface SendOptions {
  method: string;
  path: string;
  json?: unknown;
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  as?: Caller;
  /** The operation to validate the response against. */
  operationId?: string;
  dispatcher?: Dispatcher;
}

export function credentialsOf(mock: RunningMock, caller: Exclude<Caller, 'none'>): KeyCredentials {
  if (typeof caller !== 'string') return caller;
  const prefix = caller === 'A' ? 'TRUSTLY_ACCESS' : 'TRUSTLY_MERCHANT_B_ACCESS';
  return { id: mock.credentials[`${prefix}_ID`]!, secret: mock.credentials[`${prefix}_KEY`]! };
}

export async function send(mock: RunningMock, options: SendOptions): Promise<Sent> {
  const caller = options.as ?? 'A';
  const recorded = await exchange({
    baseUrl: mock.url,
    method: options.method,
    path: options.path,
    json: options.json,
    rawBody: options.rawBody,
    headers: options.headers,
    dispatcher: options.dispatcher,
    ...(caller === 'none' ? {} : { signer: basicSigner, credentials: credentialsOf(mock, caller) }),
  });
  if (!recorded.response) throw new Error(`${options.method} ${options.path}: no response (${recorded.error})`);
  const { status, headers, body, json } = recorded.response;
  const validation: ValidationResult = options.operationId
    ? (await loadVendorSpec('trustly')).validators.validateResponse(options.operationId, status, headers['content-type'], json, { strict: true })
    : { valid: true, violations: [] };
  return { status, headers, text: body, json, validation };
}

/** The four operations. With `strict`, a response the spec does not allow fails the test at once. */
export function trustlyApi(mock: RunningMock, strict = true) {
  const call = async (options: SendOptions & { operationId: string }) => {
    const sent = await send(mock, options);
    if (strict && !sent.validation.valid) {
      throw new Error(`${options.method} ${options.path} -> ${sent.status} violates the spec: ${JSON.stringify(sent.validation.violations)}\n${sent.text}`);
    }
    return sent;
  };
  return {
    create: (json: unknown, opts: { as?: Caller; query?: string } = {}) =>
      call({ method: 'POST', path: `/api/v1/customers${opts.query ?? ''}`, json, as: opts.as, operationId: 'createOrUpdateCustomer' }),
    get: (customerId: string, as?: Caller) =>
      call({ method: 'GET', path: `/api/v1/customers/${encodeURIComponent(customerId)}`, as, operationId: 'getCustomer' }),
    list: (query: Record<string, string> = {}, as?: Caller) =>
      call({ method: 'GET', path: `/api/v1/customers${queryString(query)}`, as, operationId: 'listCustomers' }),
    update: (customerId: string, json: unknown, as?: Caller) =>
      call({ method: 'POST', path: `/api/v1/customers/${encodeURIComponent(customerId)}`, json, as, operationId: 'updateCustomer' }),
  };
}

export type TrustlyApi = ReturnType<typeof trustlyApi>;

function queryString(query: Record<string, string>): string {
  const text = new URLSearchParams(query).toString();
  return text === '' ? '' : `?${text}`;
}

/** A valid customer body; every call gets a fresh externalId unless the overrides set one. */
export function customerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Joe User',
    address: { country: 'US', address1: '2000 Broadway St', city: 'Redwood City', state: 'CA', zip: '94063' },
    phone: '+16505551212',
    email: 'joe.user@mail.com',
    externalId: `conform-test-${randomUUID()}`,
    ...overrides,
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, set: (ms: number) => void (now = ms), advance: (ms: number) => void (now += ms) };
}
