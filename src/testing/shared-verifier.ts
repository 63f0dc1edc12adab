import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PactVerification } from '../pact/verification-report.ts';
import type { VerifyRequest } from '../pact/verify-in-process.ts';

const CHILD = fileURLToPath(new URL('./verifier-child.mjs', import.meta.url));

type Answer = { id: number; ok: true; results: PactVerification[] } | { id: number; ok: false; error: string };

export interface SharedVerifier {
  /** verifyPacts' answer for `request`, from the shared process; one verification at a time. */
  verify(request: VerifyRequest): Promise<PactVerification[]>;
  close(): Promise<void>;
}

/**
 * One verifier process for a test file's verifications (verifier-child.mjs). They run one at a
 * time: Pact's native verifier run concurrently on a small machine took ten times as long each.
 */
export function startSharedVerifier(): SharedVerifier {
  const child: ChildProcess = fork(CHILD, [], { execArgv: [], env: { ...process.env, PACT_DO_NOT_TRACK: 'true' }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  // Pact's printed report is dropped but for the tail, which explains an early exit.
  let stderr = '';
  child.stdout!.resume();
  child.stderr!.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-4000);
  });
  const pending = new Map<number, { resolve: (results: PactVerification[]) => void; reject: (error: Error) => void }>();
  child.on('message', (answer: Answer) => {
    const waiter = pending.get(answer.id);
    pending.delete(answer.id);
    if (answer.ok) waiter?.resolve(answer.results);
    else waiter?.reject(new Error(`pact verification failed to run: ${answer.error}`));
  });
  child.on('error', (error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      for (const waiter of pending.values()) waiter.reject(new Error(`the verifier process ended without an answer (exit ${code ?? signal})${stderr ? `: ${stderr.trim()}` : ''}`));
      pending.clear();
      resolve();
    });
  });
  let last: Promise<unknown> = Promise.resolve();
  let next = 0;
  return {
    verify(request) {
      const id = next++;
      const answer = last.then(
        () =>
          new Promise<PactVerification[]>((resolve, reject) => {
            pending.set(id, { resolve, reject });
            child.send({ id, request });
          }),
      );
      last = answer.catch(() => undefined);
      return answer;
    },
    async close() {
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}
