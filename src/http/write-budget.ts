import { httpState } from './configure-http.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isWrite(method: string): boolean {
  return WRITES.has(method.toUpperCase());
}

/**
 * Takes one write from the run's budget; returns the refusal when it is spent. A retry of the
 * same exchange after 429/503 takes nothing more: the target did not process the refused try.
 */
export function reserveWrite(): string | undefined {
  const state = httpState();
  const { maxWrites } = state.limits;
  if (maxWrites !== undefined && state.writes >= maxWrites) return `write budget of ${maxWrites} exhausted (--max-writes)`;
  state.writes++;
  return undefined;
}

/** Gives back a reserved write that was never sent (the deadline came first). */
export function releaseWrite(): void {
  const state = httpState();
  if (state.writes > 0) state.writes--;
}
