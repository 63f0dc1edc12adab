import { httpState } from './configure-http.ts';

export const DEADLINE_REACHED = 'run deadline reached (--deadline)';

/** Milliseconds left before the run's deadline; undefined when the run has none. */
export function msToDeadline(now = Date.now()): number | undefined {
  const { deadlineAt } = httpState().limits;
  return deadlineAt === undefined ? undefined : deadlineAt - now;
}
