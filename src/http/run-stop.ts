// Kept on globalThis, like the HTTP limits: vitest may load this module afresh per suite file in
// one worker process, and a stop is the process's, not the file's.
const STOP = Symbol.for('conform.http.stop');
type WithStop = typeof globalThis & { [STOP]?: string };

/**
 * Stops every later request of this process, with `reason` as each one's error. Once the target
 * refuses the run's own credentials (a lock-out, a revoked key), more requests only make it worse.
 */
export function stopRun(reason: string): void {
  (globalThis as WithStop)[STOP] ??= reason;
}

/** Why the run was stopped, or undefined while it goes on. */
export function runStopped(): string | undefined {
  return (globalThis as WithStop)[STOP];
}

/** For tests: lets requests through again. */
export function resetRunStop(): void {
  delete (globalThis as WithStop)[STOP];
}
