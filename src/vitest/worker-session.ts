import { HttpSession } from '../http/http-session.ts';
import type { VendorRun } from './conformance-context.ts';

// The one worker-wide anchor, and the reason for it: vitest may evaluate this module afresh for
// each suite file while the files share one worker (a thread under `conform run`, a process
// when vitest runs the project by hand), and the run's write budget, rate cap and stop hold for
// the whole run, not per file. So the session lives on the worker's global object, keyed by the
// run; everything below the vitest adapter gets it handed in.
const SESSIONS = Symbol.for('conform.vitest.http-sessions');
type WithSessions = typeof globalThis & { [SESSIONS]?: Map<string, HttpSession> };

/** This worker's HTTP session for the run, made with the run's limits on first use. */
export function workerSession(run: VendorRun): HttpSession {
  const sessions = ((globalThis as WithSessions)[SESSIONS] ??= new Map());
  let session = sessions.get(run.runId);
  if (!session) {
    session = new HttpSession({ maxWrites: run.maxWrites, rps: run.rps, deadlineAt: run.deadlineAt });
    sessions.set(run.runId, session);
  }
  return session;
}
