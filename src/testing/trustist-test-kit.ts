import type { Dispatcher } from 'undici';
import { afterEach, expect } from 'vitest';
import { createHmacSha256Signer, hawkSigner, type KeyCredentials, type Signer } from '../auth/index.ts';
import { exchange } from '../http/exchange.ts';
import { loadVendorSpec, type SpecValidators } from '../openapi/index.ts';
import type { MockOptions, RunningMock } from '../mock/mock-types.ts';
import { startTrustistMock } from '../mock/trustist/start-trustist-mock.ts';

// Test helpers for the Trustist mock's tests (not a test file itself). Every request goes
// through the project's real client and signers, and every answer is checked against the spec
// before a test sees it: no test can pass on a response the spec would reject.

export const KEYS = { A: 'TRUSTIST', B: 'TRUSTIST_TENANT_B', READONLY: 'TRUSTIST_READONLY', NOREAD: 'TRUSTIST_NOREAD', NOONBOARD: 'TRUSTIST_NOONBOARD', MERCHANT: 'TRUSTIST_MERCHANT' } as const;
export type KeyName = keyof typeof KEYS;

/**
 * Statuses the mock answers although the spec documents them for no operation (see the report:
 * the spec lacks them). Their bodies are still checked for the error shape.
 */
export const UNDOCUMENTED_REFUSALS = new Set([405, 413, 415]);

export interface CallOptions {
  json?: unknown;
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  /** Whose key signs; null sends the request unsigned. Default A. */
  key?: KeyName | null;
  /** Sign with these credentials instead of a named key (unknown keys, wrong secrets). */
  credentials?: KeyCredentials;
  signer?: Signer;
  dispatcher?: Dispatcher;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
  // Tests read fields freely; the spec check has already vouched for the shape.
  json: any;
  operationId?: string;
}

export interface TestMock extends RunningMock {
  signer: Signer;
  validators: SpecValidators;
  credentialsOf(key: KeyName): KeyCredentials;
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
}

/**
 * Starts a mock with generated keys (env {}, so a developer's TRUSTIST_* variables never leak in).
 * `checkSpec: false` is for faulty mocks only, whose answers may break the spec on purpose.
 */
export async function startTestMock(options: MockOptions = {}, { checkSpec = true } = {}): Promise<TestMock> {
  const mock = await startTrustistMock({ env: {}, ...options });
  const { validators } = await loadVendorSpec('trustist');
  const signer = options.auth === 'hmac-sha256' ? createHmacSha256Signer(options.clock) : hawkSigner;
  const credentialsOf = (key: KeyName): KeyCredentials => ({ id: mock.credentials[`${KEYS[key]}_KEY_ID`]!, secret: mock.credentials[`${KEYS[key]}_KEY_SECRET`]! });
  const call = async (method: string, path: string, o: CallOptions = {}): Promise<Answer> => {
    const credentials = o.credentials ?? (o.key === null ? undefined : credentialsOf(o.key ?? 'A'));
    const recorded = await exchange({
      baseUrl: mock.url,
      method,
      path,
      json: o.json,
      rawBody: o.rawBody,
      headers: o.headers,
      signer: credentials ? (o.signer ?? signer) : undefined,
      credentials,
      dispatcher: o.dispatcher,
    });
    if (!recorded.response) throw new Error(`${method} ${path}: no response (${recorded.error})`);
    const { status, headers, body, json } = recorded.response;
    const answer: Answer = { status, headers, body, json, operationId: operationOf(method, path) };
    if (checkSpec) checkAgainstSpec(validators, method, path, answer);
    return answer;
  };
  return Object.assign(mock, { signer, validators, credentialsOf, call });
}

/** The spec operation a request addresses, worked out independently of the mock's router. */
export function operationOf(method: string, path: string): string | undefined {
  let segments: string[];
  try {
    segments = new URL(path, 'http://x').pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const [v1, resource, third, ...rest] = segments;
  if (v1 !== 'v1' || rest.length > 0) return undefined;
  if (resource === 'customers' && third === undefined) return { GET: 'listCustomers', POST: 'createCustomer' }[method];
  if (resource === 'customers') return { GET: 'getCustomer', PUT: 'updateCustomer' }[method];
  if (resource === 'onboard' && third === 'sessions') return method === 'POST' ? 'createOnboardSession' : undefined;
  return undefined;
}

/**
 * A documented status must validate against its operation's response (status, content type,
 * body); anything else must be one of the known undocumented refusals, or a request outside
 * every operation, and carry the mock's error shape.
 */
export function checkAgainstSpec(validators: SpecValidators, method: string, path: string, answer: Answer): void {
  const where = `${method} ${path} -> ${answer.status} ${answer.body.slice(0, 300)}`;
  const op = answer.operationId;
  const documented = op !== undefined && validators.operation(op).responses.some((r) => r.status === String(answer.status));
  if (documented) {
    const result = validators.validateResponse(op, answer.status, answer.headers['content-type'], answer.json, { strict: true });
    expect(result.violations, where).toEqual([]);
    return;
  }
  expect(answer.status, `${where}: a status the spec does not document`).toBeGreaterThanOrEqual(400);
  expect(answer.status, where).toBeLessThan(500);
  if (op !== undefined) expect(UNDOCUMENTED_REFUSALS.has(answer.status), `${where}: undocumented for ${op}`).toBe(true);
  expectErrorShape(answer, where);
}

export function expectErrorShape(answer: Answer, where = `${answer.status} ${answer.body}`): void {
  expect(answer.headers['content-type'], where).toMatch(/^application\/json/);
  expect(typeof answer.json?.error, where).toBe('string');
  expect(typeof answer.json?.message, where).toBe('string');
}

/** A clock tests move by hand; it starts at the real time so Hawk's 60 s window still holds. */
export function manualClock(start = Date.now()) {
  let now = start;
  const clock = () => now;
  return Object.assign(clock, {
    advance(ms: number) {
      now += ms;
    },
    set(ms: number) {
      now = ms;
    },
  });
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A startTestMock for one test file: every mock it starts is closed after each test. */
export function mocksClosedAfterEach(): typeof startTestMock {
  const started: TestMock[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((m) => m.close()));
  });
  return async (...args) => {
    const mock = await startTestMock(...args);
    started.push(mock);
    return mock;
  };
}
