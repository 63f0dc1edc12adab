import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { basicSigner } from '../auth/basic-signer.ts';
import { exchange } from '../http/exchange.ts';
import { trustlyDocument } from '../testing/results-fixtures.ts';

const BIN = fileURLToPath(new URL('./bin.mjs', import.meta.url));
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

/** A report directory whose Trustly run observed unfiltered lists refused with 400, under a gateway prefix. */
async function profileDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'conform-mock-profile-'));
  const document = trustlyDocument();
  document.target = 'https://sandbox.example.com/gw';
  document.embedded = false;
  document.rules.push({ ...document.rules[0]!, id: 'trustly.customers.list.unfiltered', level: 'observed', status: 'observed', observation: { answer: 'refused (400)' } });
  await mkdir(join(dir, 'trustly'));
  await writeFile(join(dir, 'trustly', 'results.json'), JSON.stringify(document));
  return dir;
}

describe('conform mock --profile', () => {
  it('prints each adopted reading and serves it', async () => {
    const child = spawn(process.execPath, [BIN, 'mock', 'trustly', '--profile', await profileDir()], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => (stdout += chunk).includes('Press Ctrl-C') && resolve());
      child.once('exit', () => reject(new Error(`mock exited early: ${stdout}`)));
    });
    try {
      expect(stdout).toMatch(/^adopting list-unfiltered-400 from trustly\.customers\.list\.unfiltered: a list without a filter: refused \(400\)$/m);
      expect(stdout).toMatch(/^adopting base path \/gw from the run's target: https:\/\/sandbox\.example\.com\/gw$/m);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/gw) with variant list-unfiltered-400/.exec(stdout)![1]!;
      const credentials = { id: /export TRUSTLY_ACCESS_ID=(\S+)/.exec(stdout)![1]!, secret: /export TRUSTLY_ACCESS_KEY=(\S+)/.exec(stdout)![1]! };
      const answer = await exchange({ baseUrl: url, method: 'GET', path: '/gw/api/v1/customers', signer: basicSigner, credentials });
      expect(answer.response?.status).toBe(400);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('refuses a file that is not a results.json, or a directory without the vendor, with exit 2 and what to give', async () => {
    const run = promisify(execFile);
    const dir = await profileDir();
    const wrongVendor = await run(process.execPath, [BIN, 'mock', 'trustist', '--profile', dir], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(wrongVendor).toMatchObject({ code: 2, stderr: expect.stringMatching(/--profile: .* holds results of trustly, not of trustist; give a run of trustist/) });
    const notResults = join(dir, 'notes.json');
    await writeFile(notResults, '[]');
    const bad = await run(process.execPath, [BIN, 'mock', 'trustly', '--profile', notResults], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/notes\.json is not a conform results\.json.*give the results\.json \(or report directory\) of a conform run/) });
  });
});
