import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure } from './figure.ts';
import { pairedRatio } from './figure.ts';
import { spread } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PROBE = fileURLToPath(new URL('first-request-probe.mjs', import.meta.url));
const FIRST_REQUEST_GOAL_MS = 1500;
const VERSION_GOAL_MS = 300;
export const STARTUP_COMMAND = ['src/cli/bin.mjs', 'run', '--vendor', 'trustly', '--runs', '1', '--rule', 'trustly.auth.required'];

interface Spawned {
  code: number | null;
  /** Epoch ms, sub-millisecond precision. */
  startedAt: number;
  exitedAt: number;
  stderr: string;
}

/**
 * Figure 4: from spawning `conform run` (its default target, the embedded mock) to the first
 * request reaching the mock, beside spawning a bare `node -e ''` until it exits. The moment of
 * the first request comes from a preloaded probe (first-request-probe.mjs) listening on node's
 * http.server.request.start diagnostics channel, in the process that hosts the mock.
 */
export async function measureStartup(runs: number, log: (line: string) => void): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'conform-bench-startup-'));
  const firstRequest: number[] = [];
  const wholeRun: number[] = [];
  /** When the embedded mock first listened: what comes before it is the CLI's and vitest's start. */
  const listening: number[] = [];
  const bare: number[] = [];
  /** The 1-minute load average after each run: a shared machine's other jobs slow both sides. */
  const loads: number[] = [];
  try {
    for (let run = 0; run <= runs; run++) {
      const marker = join(dir, `first-request-${run}.txt`);
      const env = {
        ...process.env,
        BENCH_FIRST_REQUEST_FILE: marker,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${PROBE}`.trim(),
      };
      const conform = await timed(process.execPath, [...STARTUP_COMMAND, '--report-dir', join(dir, `report-${run}`)], env);
      if (conform.code !== 0) throw new Error(`conform run exited with ${conform.code}:\n${conform.stderr.slice(-2000)}`);
      const marks = (await readFile(marker, 'utf8')).trim().split('\n').map((line) => line.split(' '));
      const earliest = (kind: string) => Math.min(...marks.filter(([k]) => k === kind).map(([, , at]) => Number(at))) - conform.startedAt;
      const first = earliest('request');
      if (!Number.isFinite(first)) throw new Error(`conform run sent no request to its embedded mock (${marker})`);
      const node = await timed(process.execPath, ['-e', ''], process.env);
      const bareMs = node.exitedAt - node.startedAt;
      log(`  run ${run}${run === 0 ? ' (warm-up)' : ''}: first request after ${first.toFixed(0)} ms, run over after ${(conform.exitedAt - conform.startedAt).toFixed(0)} ms; node -e '' ${bareMs.toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)}`);
      if (run === 0) continue;
      loads.push(loadavg()[0]!);
      firstRequest.push(first);
      listening.push(earliest('listen'));
      wholeRun.push(conform.exitedAt - conform.startedAt);
      bare.push(bareMs);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return [
    {
      id: 'startup.first-request',
      title: 'conform run: start to first request',
      unit: 'ms',
      value: spread(firstRequest),
      baseline: { title: "node -e '' (start to exit)", value: spread(bare) },
      ratio: pairedRatio(firstRequest, bare),
      goal: `median <= ${FIRST_REQUEST_GOAL_MS} ms`,
      met: spread(firstRequest).median <= FIRST_REQUEST_GOAL_MS,
      notes: [
        `node ${STARTUP_COMMAND.join(' ')} against its embedded mock; the mock listens after ${spread(listening).median.toFixed(0)} ms (CLI, vitest, global setup), the first request comes ${(spread(firstRequest).median - spread(listening).median).toFixed(0)} ms later (vitest worker, suite files, spec); whole run (1 rule, reports written) ${spread(wholeRun).median.toFixed(0)} ms`,
        `load average after each run: ${loads.map((l) => l.toFixed(1)).join(', ')}`,
        'goal set for a quiet 2-core machine',
      ],
    },
  ];
}

/**
 * `conform --version` and `conform rules`, each from spawn to exit, beside `node -e ''`: what a
 * user waits for before any command does its work (tsx, the command's imports, the spec).
 */
export async function measureCommandStartup(runs: number, log: (line: string) => void): Promise<Figure[]> {
  const commands = [
    { id: 'startup.version', title: 'conform --version: start to exit', args: ['src/cli/bin.mjs', '--version'], goalMs: VERSION_GOAL_MS as number | undefined },
    { id: 'startup.rules', title: 'conform rules: start to exit', args: ['src/cli/bin.mjs', 'rules'], goalMs: undefined },
  ];
  const values = commands.map(() => [] as number[]);
  const bare: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const times: number[] = [];
    for (const command of commands) {
      const spawned = await timed(process.execPath, command.args, process.env);
      if (spawned.code !== 0) throw new Error(`node ${command.args.join(' ')} exited with ${spawned.code}:\n${spawned.stderr.slice(-2000)}`);
      times.push(spawned.exitedAt - spawned.startedAt);
    }
    const node = await timed(process.execPath, ['-e', ''], process.env);
    const bareMs = node.exitedAt - node.startedAt;
    log(`  run ${run}${run === 0 ? ' (warm-up)' : ''}: ${commands.map((c, i) => `${c.args.slice(1).join(' ')} ${times[i]!.toFixed(0)} ms`).join(', ')}; node -e '' ${bareMs.toFixed(0)} ms`);
    if (run === 0) continue;
    times.forEach((t, i) => values[i]!.push(t));
    bare.push(bareMs);
  }
  return commands.map((command, i) => ({
    id: command.id,
    title: command.title,
    unit: 'ms',
    value: spread(values[i]!),
    baseline: { title: "node -e '' (start to exit)", value: spread(bare) },
    ratio: pairedRatio(values[i]!, bare),
    ...(command.goalMs === undefined ? {} : { goal: `median <= ${command.goalMs} ms`, met: spread(values[i]!).median <= command.goalMs }),
    notes: [`node ${command.args.join(' ')}`, ...(command.goalMs === undefined ? ['the issue sets no goal for it'] : ['goal set for a quiet 2-core machine'])],
  }));
}

export function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.timeOrigin + performance.now();
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-8000);
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, startedAt, exitedAt: performance.timeOrigin + performance.now(), stderr }));
  });
}
