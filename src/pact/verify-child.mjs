// The child process of verifyPacts (verify-pacts.ts). Pact's native verifier prints its whole
// report to the process's standard output, below anything Node can redirect; running it here
// keeps that output in a pipe the parent reads (or drops), and the parent gets the results as
// data over IPC. The project ships TypeScript run through tsx, as bin.mjs does.
import { register } from 'tsx/esm/api';

register();
const { verifyInProcess } = await import('./verify-in-process.ts');

process.once('message', async (request) => {
  let answer;
  try {
    answer = { ok: true, results: await verifyInProcess(request) };
  } catch (error) {
    answer = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  // The native core may keep handles open: leave once the answer is out.
  process.send(answer, () => process.exit(0));
});
