import { isDeepStrictEqual } from 'node:util';
import type { CheckContext } from '../runner/check-context.ts';
import type { Data, Reply } from './operation-client.ts';

/** Fails unless the reply's status is one of `expected`; Received shows the body, which names the field objected to. */
export function expectStatus(ctx: CheckContext, reply: Reply, expected: number[], what: string): void {
  ctx.assert(expected.includes(reply.status), `${what} answered ${reply.status}`, {
    received: { status: reply.status, body: reply.json },
    expected: `status ${expected.join(' or ')}`,
  });
}

/**
 * Fails unless every field of `expected` is stored as given (a null one: absent or null). Within
 * an object, a property that was not sent may come back as null: a record may spell "no value"
 * as null as well as by leaving the property out.
 */
export function expectStored(ctx: CheckContext, record: Data, expected: Data, what: string): void {
  // As sent on the wire: a property an arbitrary left undefined is not part of the body.
  const sent = JSON.parse(JSON.stringify(expected)) as Data;
  for (const [field, value] of Object.entries(sent)) {
    const got = record[field];
    if (value === null) {
      ctx.assert(got === undefined || got === null, `${what}: ${field} is ${JSON.stringify(got)}`, { received: record, expected: `${field} absent or null`, pointer: `/${field}` });
      continue;
    }
    ctx.assert(storedAs(got, value), `${what}: ${field} is ${JSON.stringify(got)}, not ${JSON.stringify(value)}`, { received: record, expected: sent, pointer: `/${field}` });
  }
}

function storedAs(got: unknown, sent: unknown): boolean {
  if (!isPlainObject(sent) || !isPlainObject(got)) return isDeepStrictEqual(got, sent);
  for (const [field, value] of Object.entries(sent)) {
    if (value === null ? got[field] !== undefined && got[field] !== null : !storedAs(got[field], value)) return false;
  }
  return Object.entries(got).every(([field, value]) => field in sent || value === null);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fails unless the record reads as it did before (absent and null alike): what `what` did changed nothing. */
export function expectUnchanged(ctx: CheckContext, after: Data, before: Data, what: string): void {
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    ctx.assert(isDeepStrictEqual(after[field] ?? null, before[field] ?? null), `${what} changed ${field}`, { received: after, expected: before, pointer: `/${field}` });
  }
}
