import { setTimeout as sleep } from 'node:timers/promises';
import { httpState } from './configure-http.ts';
import { DEADLINE_REACHED } from './run-deadline.ts';
import { runStopped } from './run-stop.ts';

/**
 * Waits for this request's turn under the process-wide rate cap (requests evenly spaced
 * 1/rps seconds apart, in the order they asked). Returns the deadline refusal instead when the
 * deadline has passed or would pass before the turn comes, or the run was stopped (stopRun);
 * nothing is then reserved.
 */
export async function waitForSlot(): Promise<string | undefined> {
  const stopped = runStopped();
  if (stopped !== undefined) return stopped;
  const state = httpState();
  const { rps, deadlineAt } = state.limits;
  const now = Date.now();
  const slot = rps === undefined ? now : Math.max(now, state.nextSlotAt);
  if (deadlineAt !== undefined && slot >= deadlineAt) return DEADLINE_REACHED;
  if (rps !== undefined) state.nextSlotAt = slot + 1000 / rps;
  if (slot > now) await sleep(slot - now);
  return undefined;
}
