import { randomBytes, randomInt } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { startMock, type RunningMock } from '../mock/start-mock.ts';
import { variantsOf } from '../mock/variants.ts';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';
import { isVendor, VENDORS, type Vendor } from '../openapi/vendors.ts';
import type { ConformanceContext, VendorRun } from './conformance-context.ts';
import './conformance-context.ts';

export const DEFAULT_RUNS = 30;
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Global setup of the `conformance` project. The run is described by CONFORM_* variables
 * (set by `conform run`, or by hand with `vitest --project conformance`); without a target,
 * each vendor's embedded reference mock is started and is the target.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = process.env;
  const vendors = (env.CONFORM_VENDORS ?? VENDORS.join(',')).split(',').map((v) => v.trim());
  for (const v of vendors) if (!isVendor(v)) throw new Error(`CONFORM_VENDORS names "${v}"; valid: ${VENDORS.join(', ')}`);
  const target = env.CONFORM_TARGET;
  if (target && vendors.length !== 1) throw new Error('CONFORM_TARGET needs exactly one vendor in CONFORM_VENDORS');
  const seed = env.CONFORM_SEED ? Number(env.CONFORM_SEED) : randomInt(0, 2 ** 31 - 1);
  const runs = env.CONFORM_RUNS ? Number(env.CONFORM_RUNS) : DEFAULT_RUNS;
  const runId = env.CONFORM_RUN_ID ?? randomBytes(4).toString('hex');
  const timeoutMs = env.CONFORM_TIMEOUT_MS ? Number(env.CONFORM_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
  const limits = { ...httpLimitsFrom(env), ...(env.CONFORM_STRICT === '1' ? { strict: true } : {}) };

  const mocks: RunningMock[] = [];
  const context: ConformanceContext = { vendors: {} };
  for (const vendor of vendors as Vendor[]) {
    let run: VendorRun;
    if (target) {
      run = { vendor, baseUrl: target, env: await credentialEnv(vendor, env), seed, runs, runId, auth: env.CONFORM_AUTH, timeoutMs, embedded: false, ...limits };
    } else {
      const auth = env.CONFORM_AUTH === 'hmac-sha256' ? 'hmac-sha256' : 'hawk';
      // CONFORM_MOCK_VARIANTS: doc-correct variants of the embedded mocks (names of either vendor; each mock takes its own).
      const variants = (env.CONFORM_MOCK_VARIANTS ?? '').split(',').map((v) => v.trim()).filter((v) => variantsOf(vendor).some((known) => known.name === v));
      const mock = await startMock(vendor, { fault: env.CONFORM_FAULT || undefined, variants, auth, env: {} });
      mocks.push(mock);
      run = { vendor, baseUrl: mock.url, env: mock.credentials, seed, runs, runId, auth: env.CONFORM_AUTH, timeoutMs, embedded: true, ...limits };
    }
    context.vendors[vendor] = run;
  }
  project.provide('conform', context);
  return async () => {
    await Promise.all(mocks.map((m) => m.close()));
  };
}

/** The run's HTTP limits: CONFORM_MAX_WRITES, CONFORM_RPS and CONFORM_DEADLINE_AT (epoch ms), each optional. */
function httpLimitsFrom(env: NodeJS.ProcessEnv): Pick<VendorRun, 'maxWrites' | 'rps' | 'deadlineAt'> {
  const read = (name: string, ok: (n: number) => boolean, expected: string): number | undefined => {
    const text = env[name];
    if (text === undefined || text === '') return undefined;
    const value = Number(text);
    if (!ok(value)) throw new Error(`${name} is "${text}"; it must be ${expected}`);
    return value;
  };
  const maxWrites = read('CONFORM_MAX_WRITES', (n) => Number.isSafeInteger(n) && n >= 0, 'a whole number of 0 or more');
  const rps = read('CONFORM_RPS', (n) => Number.isFinite(n) && n > 0, 'a number greater than 0');
  const deadlineAt = read('CONFORM_DEADLINE_AT', (n) => Number.isSafeInteger(n) && n > 0, 'an epoch time in milliseconds');
  return {
    ...(maxWrites === undefined ? {} : { maxWrites }),
    ...(rps === undefined ? {} : { rps }),
    ...(deadlineAt === undefined ? {} : { deadlineAt }),
  };
}

/** The credential variables the vendor's x-conform names, and only those: never the whole environment. */
async function credentialEnv(vendor: string, env: NodeJS.ProcessEnv): Promise<Record<string, string | undefined>> {
  const names = Object.values((await loadVendorSpec(vendor)).conform.credentials).flatMap((role) => [role.idVar, role.secretVar]);
  return Object.fromEntries(names.filter((name) => env[name] !== undefined).map((name) => [name, env[name]]));
}
