import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The README's recipe for testing one's own client against the mock is a runnable example: it
// must keep passing as the mock and its options change.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the example of a user\'s own client tests (examples/own-client)', () => {
  it('passes under node --test, meeting the rate limit, the resets and the fault', { timeout: 120_000 }, async () => {
    const run = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', '--test', 'examples/own-client/my-client.test.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }, timeout: 110_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
      );
    });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/^# pass 3$/m);
    expect(run.output).toMatch(/^# fail 0$/m);
  });
});
