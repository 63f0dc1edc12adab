// Kept on globalThis, like the HTTP limits: the whole worker process shares one target.
const LATENCY = Symbol.for('conform.http.latency');
type WithLatency = typeof globalThis & { [LATENCY]?: { mean: number; count: number } };

/** Records how long one answer of the target took (sending to the end of its body). */
export function noteLatency(ms: number): void {
  const g = globalThis as WithLatency;
  const state = (g[LATENCY] ??= { mean: 0, count: 0 });
  // A moving mean over about the last 50 answers: a target that slows down mid-run is seen soon.
  state.count = Math.min(state.count + 1, 50);
  state.mean += (ms - state.mean) / state.count;
}

/** The target's recent mean latency in ms, or undefined before its first answer. */
export function typicalLatencyMs(): number | undefined {
  const state = (globalThis as WithLatency)[LATENCY];
  return state && state.count > 0 ? state.mean : undefined;
}
