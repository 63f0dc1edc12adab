import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PactVerification } from './verification-report.ts';
import type { VerifyRequest } from './verify-in-process.ts';

export type { VerifyRequest } from './verify-in-process.ts';
export { providerBase } from './verify-in-process.ts';

const CHILD = fileURLToPath(new URL('./verify-child.mjs', import.meta.url));
const DEFAULT_DEADLINE_MS = 15 * 60_000;

export interface VerifyPactsOptions {
  /** Pact's own report (what its verifier prints), as it arrives. Dropped when not given. */
  onOutput?: (text: string) => void;
  /** The whole verification's limit; the child is stopped after it (default 15 minutes). */
  deadlineMs?: number;
}

/**
 * Verifies pact files against a target with Pact's Verifier (see verify-in-process.ts): every
 * request signed in the request filter (Hawk or HMAC-SHA256 for Trustist, Basic for Trustly),
 * every provider state set up through the vendor's own API. Runs in a child process so that
 * the native verifier's printed report does not land in the caller's terminal or test output.
 */
export function verifyPacts(request: VerifyRequest, options: VerifyPactsOptions = {}): Promise<PactVerification[]> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], {
      execArgv: [],
      env: { ...process.env, PACT_DO_NOT_TRACK: 'true' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stderr = '';
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(() => reject(new Error(`pact verification did not finish within ${Math.round((options.deadlineMs ?? DEFAULT_DEADLINE_MS) / 1000)} s`)));
    }, options.deadlineMs ?? DEFAULT_DEADLINE_MS);
    child.stdout!.setEncoding('utf8').on('data', (text: string) => options.onOutput?.(text));
    child.stderr!.setEncoding('utf8').on('data', (text: string) => {
      stderr = (stderr + text).slice(-4000);
      options.onOutput?.(text);
    });
    child.once('message', (answer: { ok: true; results: PactVerification[] } | { ok: false; error: string }) => {
      finish(() => (answer.ok ? resolve(answer.results) : reject(new Error(`pact verification failed to run: ${answer.error}`))));
    });
    child.once('error', (error) => finish(() => reject(error)));
    child.once('exit', (code, signal) => {
      finish(() => reject(new Error(`pact verification ended without an answer (exit ${code ?? signal})${stderr ? `: ${stderr.trim()}` : ''}`)));
    });
    child.send(request);
  });
}
