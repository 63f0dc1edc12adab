import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Figure } from './figure.ts';
import { pairedRatio } from './figure.ts';
import { timed } from './startup.ts';
import { spread } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/**
 * The loop's baseline: a fixed amount of single-threaded work in a fresh node (SHA-256 over
 * 400 MiB, about half a second on a quiet machine), spawn to exit, run right after each loop run.
 * A crowded machine slows both alike, so their ratio moves much less than either wall time.
 */
const YARDSTICK = ["-e", "const c = require('node:crypto'); const b = Buffer.alloc(1 << 22, 7); for (let i = 0; i < 100; i++) c.createHash('sha256').update(b).digest();"];
const YARDSTICK_TITLE = 'fixed work: node, SHA-256 of 400 MiB (start to exit)';

const LOOPS = [
  { id: 'loop.npm-test', title: 'npm test: wall time', args: ['test'], goalS: 120, minRuns: 1 },
  // npm start is short and its goal is a median: never fewer than 3 runs, --quick included.
  { id: 'loop.npm-start', title: 'npm start (both suites, embedded mocks): wall time', args: ['start'], goalS: 15, minRuns: 3 },
];

/**
 * Figure 5: the developer loop, `npm test` and `npm start`, each from spawn to exit (median of
 * `runs`, and of at least 3 for npm start; no warm-up run: a developer's first run is a real one
 * too). A run that fails is an error, not a figure.
 */
export async function measureTestLoop(runs: number, log: (line: string) => void, scripts: readonly string[] = ['test', 'start']): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const loop of LOOPS.filter((l) => scripts.includes(l.args[0]!))) {
    const seconds: number[] = [];
    const yardstick: number[] = [];
    const count = Math.max(runs, loop.minRuns);
    for (let run = 1; run <= count; run++) {
      const started = performance.now();
      const { code, output } = await npm(loop.args);
      if (code !== 0) throw new Error(`npm ${loop.args.join(' ')} exited with ${code}:\n${output.slice(-3000)}`);
      seconds.push((performance.now() - started) / 1000);
      const fixed = await timed(process.execPath, YARDSTICK, process.env);
      if (fixed.code !== 0) throw new Error(`the fixed-work baseline exited with ${fixed.code}:\n${fixed.stderr}`);
      yardstick.push((fixed.exitedAt - fixed.startedAt) / 1000);
      log(`  npm ${loop.args.join(' ')} run ${run} of ${count}: ${seconds.at(-1)!.toFixed(1)} s; fixed work ${yardstick.at(-1)!.toFixed(2)} s; load average ${loadavg()[0]!.toFixed(1)}`);
    }
    figures.push({
      id: loop.id,
      title: loop.title,
      unit: 's',
      value: spread(seconds),
      baseline: { title: YARDSTICK_TITLE, value: spread(yardstick) },
      ratio: pairedRatio(seconds, yardstick),
      goal: `median <= ${loop.goalS} s`,
      met: spread(seconds).median <= loop.goalS,
      notes: [
        `npm ${loop.args.join(' ')} in ${ROOT}; median of ${count} runs (${seconds.map((s) => s.toFixed(1)).join(', ')} s)`,
        'goal set for a quiet 2-core machine; nothing else should run meanwhile',
      ],
    });
  }
  return figures;
}

function npm(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd: ROOT, env: { ...process.env, PACT_DO_NOT_TRACK: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-20_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}
