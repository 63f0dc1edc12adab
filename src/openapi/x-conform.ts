import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { isObject, SpecError } from './load-spec.ts';

export type TimestampEncoding = 'rfc3339' | 'unix-ms' | 'unix-s';

export interface CredentialRole {
  idVar: string;
  secretVar: string;
  description: string;
  required?: boolean;
  scope?: string;
  operations: string[];
  preflight: 'read' | 'skip';
}

/** A spec's `x-conform` block: the vendor's facts, as src/openapi/x-conform.schema.json defines them. */
export interface XConform {
  vendor: string;
  basePath: string;
  auth: { default: string; schemes: ('hawk' | 'hmac-sha256' | 'basic')[] };
  credentials: Record<string, CredentialRole>;
  scope: { noun: string; field?: string; primary: string; other: string };
  record: {
    envelope?: string;
    listEnvelope?: string;
    id: string;
    tag: { field: string; listFilter?: string };
    timestamps: { created: { field: string; encoding: TimestampEncoding }; updated: { field: string; encoding: TimestampEncoding } };
    immutable: string[];
  };
  operations: { create: string; get: string; update: string; list: string };
  update: { partial: boolean; nullClears: boolean; requiredOnEveryWrite?: string[]; upsertKeys?: string[]; nestedObjects?: 'merge' | 'replace' | 'undocumented' };
  scrub?: { operation: string; body: Record<string, unknown>; keepTag?: boolean };
}

// Compiled on first use, and ajv loaded then, not at import: a spec from the disk cache
// (spec-cache.ts) needs no validation.
let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(new URL('./x-conform.schema.json', import.meta.url), 'utf8')) as object;
    const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    compiled = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  }
  return compiled;
}

/**
 * Reads and validates the `x-conform` block of a spec document. A bad block is a SpecError that
 * names the spec and the JSON pointer of each problem: a silently wrong fact (a misspelt variable,
 * an operation that does not exist) would make rules skip or test the wrong thing unnoticed.
 */
export function readXConform(raw: unknown, path: string, operationIds: readonly string[]): XConform {
  const block = isObject(raw) ? raw['x-conform'] : undefined;
  if (block === undefined) throw new SpecError(`${path}: no x-conform block; add one (see src/openapi/x-conform.schema.json) naming the vendor, its credentials and its operations`);
  const validate = validator();
  if (!validate(block)) {
    throw new SpecError(`${path}: x-conform is not valid: ${(validate.errors ?? []).map(describe).join('; ')} (schema: src/openapi/x-conform.schema.json)`);
  }
  const conform = block as unknown as XConform;
  const problems: string[] = [];
  const roles = Object.keys(conform.credentials);
  const required = roles.filter((r) => conform.credentials[r]!.required);
  if (required.length !== 1) problems.push(`/credentials: exactly one role must be required (found ${required.length === 0 ? 'none' : required.join(', ')})`);
  for (const where of ['primary', 'other'] as const) {
    if (!roles.includes(conform.scope[where])) problems.push(`/scope/${where}: "${conform.scope[where]}" is not a credential role (${roles.join(', ')})`);
  }
  if (!conform.auth.schemes.includes(conform.auth.default as XConform['auth']['schemes'][number])) problems.push(`/auth/default: "${conform.auth.default}" is not one of /auth/schemes`);
  const known = new Set(operationIds);
  for (const [name, operationId] of Object.entries(conform.operations)) {
    if (!known.has(operationId)) problems.push(`/operations/${name}: no operation "${operationId}" in the spec`);
  }
  for (const role of roles) {
    for (const [i, operationId] of conform.credentials[role]!.operations.entries()) {
      if (!known.has(operationId)) problems.push(`/credentials/${role}/operations/${i}: no operation "${operationId}" in the spec`);
    }
  }
  if (conform.scrub && !known.has(conform.scrub.operation)) problems.push(`/scrub/operation: no operation "${conform.scrub.operation}" in the spec`);
  if (problems.length > 0) throw new SpecError(`${path}: x-conform is not valid: ${problems.join('; ')}`);
  return conform;
}

function describe(error: ErrorObject): string {
  const where = `/x-conform${error.instancePath}`;
  if (error.keyword === 'additionalProperties') return `${where}: unknown property "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  if (error.keyword === 'required') return `${where}: missing "${(error.params as { missingProperty: string }).missingProperty}"`;
  return `${where} ${error.message ?? 'is not valid'}`;
}

/** The credential role that must be configured for any run (the one marked required). */
export function requiredRole(conform: XConform): [string, CredentialRole] {
  return Object.entries(conform.credentials).find(([, role]) => role.required)!;
}

/** The role whose key this is, by the run's credential variables ('unknown' for a made-up key). */
export function roleOfKey(conform: XConform, env: Record<string, string | undefined>, keyId: string): string {
  return Object.entries(conform.credentials).find(([, role]) => env[role.idVar] === keyId)?.[0] ?? 'unknown';
}

/** Whether the key in the id variable `idVar` may call `operationId` (false for a variable of no role). */
export function roleHolds(conform: XConform, idVar: string, operationId: string): boolean {
  return Object.values(conform.credentials).some((role) => role.idVar === idVar && role.operations.includes(operationId));
}
