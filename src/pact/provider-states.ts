import { randomBytes } from 'node:crypto';

/** What a state returns: the values `fromProviderState` expressions are filled from. */
export type StateValues = Record<string, string>;
export type StateHandler = (params?: unknown) => Promise<StateValues>;

// The provider states conform sets up are each vendor's (src/pact/<vendor>-states.ts, listed in
// src/pact/pact-providers.ts). A pact names a state exactly so; its params (optional) are the
// fields of the record the state creates. Each state creates what it needs through the vendor's
// own API (there is no back door into a sandbox) and returns the ids for `fromProviderState`.
// Every record carries the run's tag (`conform-<runId>`, design.md) in the vendor's tag field, so
// what a verification created can be found later. These helpers are what the states share.

/** A fresh value carrying the run's tag, with an optional readable part. */
export function freshTag(runId: string, name?: unknown): string {
  return `conform-${runId}-${typeof name === 'string' && name !== '' ? `${name}-` : ''}${suffix()}`;
}

export function suffix(): string {
  return randomBytes(4).toString('hex');
}

export function objectOf(params: unknown): Record<string, unknown> {
  return typeof params === 'object' && params !== null && !Array.isArray(params) ? (params as Record<string, unknown>) : {};
}

export function pick(fields: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => fields[key] !== undefined).map((key) => [key, fields[key]]));
}
