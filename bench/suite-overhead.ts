import { Agent, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { resolveSigner } from '../src/auth/resolve-signer.ts';
import { startMock } from '../src/mock/start-mock.ts';
import type { Vendor } from '../src/openapi/index.ts';
import { pairedRatio, type Figure } from './figure.ts';
import { recordingAgent, type RecordedExchange } from './record-exchanges.ts';
import { prepareReplay, replay } from './replay-exchanges.ts';
import { runSuite, type SuiteTarget } from './run-suite.ts';
import { spawnServer } from './spawn-server.ts';
import { spread } from './stats.ts';

export const SUITE_SEED = 20_240_601;
export const SUITE_PROPERTY_RUNS = 30;
const GOAL = 0.5;

export type Arrangement = 'child' | 'in-process';
const ARRANGEMENT: Record<Arrangement, string> = {
  child: 'the mock in a process of its own, as conform run has it (mock in the main process, checks in a vitest worker)',
  'in-process': 'the mock in the same process as the checks, as the self-test has it',
};

/**
 * Figure 1: the full suite of a vendor against its embedded mock, in exchanges per second,
 * beside a raw undici loop replaying the same exchanges (signed afresh) against a fresh mock.
 * Suite and replay alternate, run by run, so the machine's noise falls on both alike. `where`
 * puts the mock in a child process (as in `conform run`) or in this one (as in the self-test).
 */
export async function measureSuiteOverhead(vendor: Vendor, runs: number, log: (line: string) => void, where: Arrangement = 'child'): Promise<Figure> {
  const start = async (env: Record<string, string>): Promise<SuiteTarget & { close(): Promise<void> }> => {
    if (where === 'in-process') return startMock(vendor, { env });
    const server = await spawnServer('serve-mock.ts', [vendor], { BENCH_MOCK_ENV: JSON.stringify(env) });
    return { url: server.url, credentials: server.credentials, close: () => server.stop() };
  };
  const signer = await resolveSigner(vendor, undefined);
  const suiteRates: number[] = [];
  const rawRates: number[] = [];
  const notes = new Set<string>();
  let exchanges = 0;
  let mismatches = 0;
  const previous = getGlobalDispatcher();
  // Run 0 is a warm-up (JIT, spec loading): measured, not counted.
  for (let run = 0; run <= runs; run++) {
    const recorded: RecordedExchange[] = [];
    const recorder = recordingAgent(recorded);
    setGlobalDispatcher(recorder);
    const mock = await start({});
    let suite;
    try {
      suite = await runSuite(vendor, mock, SUITE_SEED, SUITE_PROPERTY_RUNS);
    } finally {
      setGlobalDispatcher(previous);
      await recorder.close();
      await mock.close();
    }
    if (suite.failed.length > 0) notes.add(`the suite did not pass cleanly: ${suite.failed.join(', ')}`);
    if (suite.exchanges !== recorded.length) notes.add(`the suite counted ${suite.exchanges} exchanges, the recorder saw ${recorded.length} requests (retries?)`);

    const { prepared, statuses } = prepareReplay(recorded, mock.credentials);
    const fresh = await start(mock.credentials);
    const agent = new Agent();
    let raw;
    try {
      raw = await replay(prepared, statuses, fresh.url, signer, agent);
    } finally {
      await agent.close();
      await fresh.close();
    }
    const suiteRate = (suite.exchanges * 1000) / suite.wallMs;
    const rawRate = (raw.exchanges * 1000) / raw.wallMs;
    log(`  ${vendor} run ${run}${run === 0 ? ' (warm-up)' : ''}: suite ${suite.exchanges} exchanges in ${suite.wallMs.toFixed(0)} ms = ${suiteRate.toFixed(0)}/s; raw ${rawRate.toFixed(0)}/s; ${raw.statusMismatches} status mismatches`);
    if (run === 0) continue;
    suiteRates.push(suiteRate);
    rawRates.push(rawRate);
    exchanges = suite.exchanges;
    mismatches = Math.max(mismatches, raw.statusMismatches);
  }
  const ratio = pairedRatio(suiteRates, rawRates);
  return {
    id: `suite-overhead.${vendor}${where === 'child' ? '' : '.in-process'}`,
    title: `${vendor} suite vs raw replay${where === 'child' ? '' : ', mock in-process'}`,
    unit: 'exchanges/s',
    value: spread(suiteRates),
    baseline: { title: 'raw undici replay', value: spread(rawRates) },
    ratio,
    goal: `suite/raw >= ${GOAL}`,
    met: ratio.median >= GOAL,
    notes: [
      `${exchanges} exchanges per run (seed ${SUITE_SEED}, ${SUITE_PROPERTY_RUNS} runs per property, every rule, runCheck in process); ${ARRANGEMENT[where]}`,
      `raw: the recorded requests replayed one after another with undici (re-signed, body read, nothing checked) against a fresh mock with the same keys, created ids translated; at most ${mismatches} of ${exchanges} statuses differed from the suite's; the suite run also pays for the recording dispatcher`,
      ...notes,
    ],
  };
}
