import { main } from '../cli/main.ts';
import type { ConformResult } from './run-conform.ts';

// `conform ARGS` called in this process, through the same entry the executable calls (main), for
// the tests whose point is what a command does, not how a process exits: a subprocess costs a
// node, tsx and vitest start-up of its own, seconds of CPU each. The tests of exit codes and
// stderr lines as a shell sees them keep a real subprocess (run-conform.ts).

/** What the commands read from the environment: credentials (design.md) and the embedded mocks' switches. */
const COMMAND_VARIABLE = /^(TRUSTIST|TRUSTLY|CONFORM)_/;

let active: { env: Record<string, string>; saved: Map<string, string | undefined>; calls: number } | undefined;

/**
 * Runs `conform ARGS` in this process with `env` as the only command variables it sees (as a
 * subprocess of runConform sees only them): the test process's own are hidden for the call.
 * The commands read process.env, so calls at once must share one `env`; a call with another
 * is refused, not run with the wrong keys.
 */
export async function conformInProcess(args: string[], env: Record<string, string> = {}): Promise<ConformResult> {
  enter(env);
  const stdout: string[] = [];
  const stderr: string[] = [];
  try {
    const code = await main(args, (line) => stdout.push(line), (line) => stderr.push(line));
    return { code, stdout: joined(stdout), stderr: joined(stderr), killed: false };
  } finally {
    leave();
  }
}

function joined(lines: string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

function enter(env: Record<string, string>): void {
  if (active) {
    if (JSON.stringify(sorted(active.env)) !== JSON.stringify(sorted(env))) {
      throw new Error('conformInProcess: calls at once share process.env, so they must have the same environment; give these mocks the same keys');
    }
    active.calls++;
    return;
  }
  const saved = new Map<string, string | undefined>();
  for (const name of new Set([...Object.keys(process.env).filter((n) => COMMAND_VARIABLE.test(n)), ...Object.keys(env)])) {
    saved.set(name, process.env[name]);
    if (Object.hasOwn(env, name)) process.env[name] = env[name];
    else delete process.env[name];
  }
  active = { env, saved, calls: 1 };
}

function leave(): void {
  if (!active || --active.calls > 0) return;
  for (const [name, value] of active.saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  active = undefined;
}

function sorted(env: Record<string, string>): [string, string][] {
  return Object.entries(env).sort(([a], [b]) => a.localeCompare(b));
}
