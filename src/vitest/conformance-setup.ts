import type { TestProject } from 'vitest/node';
import { startMock, type RunningMock } from '../mock/start-mock.ts';
import type { MockOptions } from '../mock/mock-types.ts';
import { variantsOf } from '../mock/variants.ts';
import { loadVendorSpec } from '../openapi/vendor-spec.ts';
import type { Vendor } from '../openapi/vendors.ts';
import type { ConformanceContext, VendorRun } from './conformance-context.ts';
import './conformance-context.ts';
import { runPlanFromEnv, type RunPlan } from './run-plan.ts';

/**
 * Global setup of the `conformance` project. The run's plan comes from `conform run` (provided,
 * already checked), or, when vitest runs the project by hand, from the CONFORM_* variables; without
 * a target, each vendor's embedded reference mock is started and is the target.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const plan = project.getProvidedContext().conformPlan ?? runPlanFromEnv(process.env);
  const mocks: RunningMock[] = [];
  const context: ConformanceContext = { vendors: {}, testTimeoutMs: plan.testTimeoutMs };
  for (const vendor of plan.vendors) {
    let run: VendorRun;
    if (plan.target) {
      run = vendorRun(plan, vendor, plan.target, await credentialEnv(vendor, process.env), false);
    } else {
      const auth = plan.auth === 'hmac-sha256' ? 'hmac-sha256' : 'hawk';
      const variants = plan.mockVariants.filter((v) => variantsOf(vendor).some((known) => known.name === v));
      const options: MockOptions = { fault: plan.fault, variants, auth, env: {} };
      const profile = plan.mockProfiles?.[vendor];
      // The profile's module reads results documents (their schema, ajv): loaded only for a run that has one.
      const mock = await startMock(vendor, profile ? (await import('../mock/profile.ts')).withProfile(vendor, options, profile) : options);
      mocks.push(mock);
      run = vendorRun(plan, vendor, mock.url, mock.credentials, true);
    }
    context.vendors[vendor] = run;
  }
  project.provide('conform', context);
  return async () => {
    await Promise.all(mocks.map((m) => m.close()));
  };
}

function vendorRun(plan: RunPlan, vendor: Vendor, baseUrl: string, env: Record<string, string | undefined>, embedded: boolean): VendorRun {
  return {
    vendor,
    baseUrl,
    env,
    seed: plan.seed,
    runs: plan.runs,
    runId: plan.runId,
    ...(plan.auth === undefined ? {} : { auth: plan.auth }),
    timeoutMs: plan.timeoutMs,
    embedded,
    ...(plan.maxWrites === undefined ? {} : { maxWrites: plan.maxWrites }),
    ...(plan.rps === undefined ? {} : { rps: plan.rps }),
    ...(plan.deadlineAt === undefined ? {} : { deadlineAt: plan.deadlineAt }),
    ...(plan.strict ? { strict: true } : {}),
  };
}

/** The credential variables the vendor's x-conform names, and only those: never the whole environment. */
async function credentialEnv(vendor: Vendor, env: NodeJS.ProcessEnv): Promise<Record<string, string | undefined>> {
  const names = Object.values((await loadVendorSpec(vendor)).conform.credentials).flatMap((role) => [role.idVar, role.secretVar]);
  return Object.fromEntries(names.filter((name) => env[name] !== undefined).map((name) => [name, env[name]]));
}
