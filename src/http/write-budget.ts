import type { HttpSession } from './http-session.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isWrite(method: string): boolean {
  return WRITES.has(method.toUpperCase());
}

/**
 * Takes one write from the session's budget; returns the refusal when it is spent. A retry of the
 * same exchange after 429/503 takes nothing more: the target did not process the refused try.
 */
export function reserveWrite(session: HttpSession): string | undefined {
  const { maxWrites } = session.limits;
  if (maxWrites !== undefined && session.writes >= maxWrites) return `write budget of ${maxWrites} exhausted (--max-writes)`;
  session.writes++;
  return undefined;
}

/** Gives back a reserved write that was never sent (the deadline came first). */
export function releaseWrite(session: HttpSession): void {
  if (session.writes > 0) session.writes--;
}
