import { setTimeout as sleep } from 'node:timers/promises';
import { DEADLINE_REACHED, type HttpSession } from './http-session.ts';

/**
 * Waits for this request's turn under the session's rate cap (requests evenly spaced 1/rps
 * seconds apart, in the order they asked). Returns the deadline refusal instead when the
 * deadline has passed or would pass before the turn comes, or the session was stopped;
 * nothing is then reserved.
 */
export async function waitForSlot(session: HttpSession): Promise<string | undefined> {
  if (session.stopped !== undefined) return session.stopped;
  const { rps, deadlineAt } = session.limits;
  const now = session.now();
  const slot = rps === undefined ? now : Math.max(now, session.nextSlotAt);
  if (deadlineAt !== undefined && slot >= deadlineAt) return DEADLINE_REACHED;
  if (rps !== undefined) session.nextSlotAt = slot + 1000 / rps;
  if (slot > now) await sleep(slot - now);
  return undefined;
}
