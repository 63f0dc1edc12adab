/** A 5xx answer a check received: which rule sent what. */
export interface ServerErrorSighting {
  rule: string;
  method: string;
  url: string;
  status: number;
}

// Per run and target, every 5xx the checks of this process received (CheckContext.record notes
// each one). The no-server-error rules read it at the end, so a request any rule sent counts,
// not only those the rule sends itself. Bounded: past the cap only the count grows.
const MAX_KEPT = 50;
const tallies = new Map<string, { count: number; kept: ServerErrorSighting[] }>();

const keyOf = (run: { runId: string; baseUrl: string }) => `${run.runId} ${run.baseUrl}`;

export function noteServerError(run: { runId: string; baseUrl: string }, sighting: ServerErrorSighting): void {
  const key = keyOf(run);
  const tally = tallies.get(key) ?? { count: 0, kept: [] };
  tally.count++;
  if (tally.kept.length < MAX_KEPT) tally.kept.push(sighting);
  tallies.set(key, tally);
}

/** The 5xx answers of this run seen so far in this process: how many, and the first ones. */
export function serverErrorsSeen(run: { runId: string; baseUrl: string }): { count: number; kept: readonly ServerErrorSighting[] } {
  return tallies.get(keyOf(run)) ?? { count: 0, kept: [] };
}
