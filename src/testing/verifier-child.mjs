// A verifier process that serves many verifications, one after another, for a test file: the
// production child (src/pact/verify-child.mjs) answers one and exits, and each start loads Node,
// tsx, Pact's native core and the project again, about two CPU-seconds. The verifications run
// the same verifyInProcess; only the process around them is shared. Pact's report lands in the
// pipe the parent reads, as there.
import { register } from 'tsx/esm/api';

register();
const { verifyInProcess } = await import('../pact/verify-in-process.ts');

process.on('message', async ({ id, request }) => {
  let answer;
  try {
    answer = { id, ok: true, results: await verifyInProcess(request) };
  } catch (error) {
    answer = { id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  process.send(answer);
});
// The native core may keep handles open: leave when the parent lets go.
process.once('disconnect', () => process.exit(0));
