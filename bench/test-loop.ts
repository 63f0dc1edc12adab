import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Figure } from './figure.ts';
import { spread } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const LOOPS = [
  { id: 'loop.npm-test', title: 'npm test: wall time', args: ['test'], goalS: 120 },
  { id: 'loop.npm-start', title: 'npm start (both suites, embedded mocks): wall time', args: ['start'], goalS: 15 },
];

/**
 * Figure 5: the developer loop, `npm test` and `npm start`, each from spawn to exit (median of
 * `runs`, no warm-up run: a developer's first run is a real one too). A run that fails is an
 * error, not a figure.
 */
export async function measureTestLoop(runs: number, log: (line: string) => void, scripts: readonly string[] = ['test', 'start']): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const loop of LOOPS.filter((l) => scripts.includes(l.args[0]!))) {
    const seconds: number[] = [];
    for (let run = 1; run <= runs; run++) {
      const started = performance.now();
      const { code, output } = await npm(loop.args);
      if (code !== 0) throw new Error(`npm ${loop.args.join(' ')} exited with ${code}:\n${output.slice(-3000)}`);
      seconds.push((performance.now() - started) / 1000);
      log(`  npm ${loop.args.join(' ')} run ${run}: ${seconds.at(-1)!.toFixed(1)} s`);
    }
    figures.push({
      id: loop.id,
      title: loop.title,
      unit: 's',
      value: spread(seconds),
      goal: `median <= ${loop.goalS} s`,
      met: spread(seconds).median <= loop.goalS,
      notes: [`npm ${loop.args.join(' ')} in ${ROOT}`, 'goal set for a quiet 2-core machine; nothing else should run meanwhile'],
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
