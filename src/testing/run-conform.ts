import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The shipped executable, as a user runs it. */
export const CONFORM_BIN = fileURLToPath(new URL('../cli/bin.mjs', import.meta.url));

export interface ConformResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Killed by the timeout: the command hung instead of ending by itself. */
  killed: boolean;
}

/**
 * Runs `conform ARGS` as a subprocess with only PATH, HOME and `env` in its environment, so no
 * credential of the test process leaks into it. Resolves whatever the exit code; the timeout
 * only bounds a hang (on a crowded machine a whole run takes minutes).
 */
export function runConform(args: string[], env: Record<string, string> = {}, options: { timeoutMs: number; maxBuffer?: number }): Promise<ConformResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CONFORM_BIN, ...args],
      { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: options.timeoutMs, ...(options.maxBuffer === undefined ? {} : { maxBuffer: options.maxBuffer }) },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr, killed: error?.killed === true }),
    );
  });
}
