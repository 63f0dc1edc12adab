import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { basicSigner } from '../auth/basic-signer.ts';
import { exchange } from '../http/exchange.ts';
import { faultsOf } from '../mock/faults.ts';
import { unhashedHawkSigner } from '../vendors/trustist/hawk-variants.ts';
import { variantsOf } from '../mock/variants.ts';
import { mockCommand } from './mock-command.ts';
import { UsageError } from './usage-error.ts';
import { conformInProcess } from '../testing/conform-in-process.ts';

const BIN = fileURLToPath(new URL('./bin.mjs', import.meta.url));
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

describe('conform mock', () => {
  it('prints its URL and generated keys, serves requests, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'mock', 'trustly', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('Press Ctrl-C')) resolve();
      });
      child.once('exit', () => reject(new Error(`mock exited early: ${stdout}`)));
    });
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1]!;
    const id = /export TRUSTLY_ACCESS_ID=(\S+)/.exec(stdout)![1]!;
    const secret = /export TRUSTLY_ACCESS_KEY=(\S+)/.exec(stdout)![1]!;
    const answer = await exchange({ baseUrl: url, method: 'GET', path: '/api/v1/customers', signer: basicSigner, credentials: { id, secret } });
    expect(answer.response?.status).toBe(200);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(stdout).toMatch(/trustly mock stopped/);
  });

  it('keeps keys from the environment out of its output', async () => {
    const child = spawn(process.execPath, [BIN, 'mock', 'trustly'], { env: { ...env, TRUSTLY_ACCESS_ID: 'mine', TRUSTLY_ACCESS_KEY: 'my-own-secret-key' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    await new Promise<void>((resolve) => child.stdout.on('data', (c: string) => (stdout += c).includes('Press Ctrl-C') && resolve()));
    child.kill('SIGINT');
    await once(child, 'exit');
    expect(stdout).not.toContain('my-own-secret-key');
    expect(stdout).toMatch(/TRUSTLY_ACCESS_KEY is taken from the environment/);
  });

  // In this process: the exit code of a refusing mock process is tested in mock-chaos.test.ts
  // and mock-profile.test.ts.
  it('lists the faults, and refuses an unknown one or an unknown vendor with exit 2', async () => {
    const { code, stdout } = await conformInProcess(['mock', 'trustist', '--list-faults']);
    expect(code).toBe(0);
    for (const fault of faultsOf('trustist')) expect(stdout).toContain(fault.name);
    const unknown = await conformInProcess(['mock', 'trustist', '--fault', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown trustist fault "nope"; valid: /);
    const vendor = await conformInProcess(['mock', 'acme']);
    expect(vendor.code).toBe(2);
  });

  it('requires the Hawk payload hash on a body unless started with --hawk-lenient, which only the Trustist Hawk mock takes', async () => {
    const tryUnhashed = async (flags: string[]) => {
      const child = spawn(process.execPath, [BIN, 'mock', 'trustist', ...flags], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.setEncoding('utf8');
      await new Promise<void>((resolve) => child.stdout.on('data', (c: string) => (stdout += c).includes('Press Ctrl-C') && resolve()));
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1]!;
      const credentials = { id: /export TRUSTIST_KEY_ID=(\S+)/.exec(stdout)![1]!, secret: /export TRUSTIST_KEY_SECRET=(\S+)/.exec(stdout)![1]! };
      const answer = await exchange({ baseUrl: url, method: 'POST', path: '/v1/customers', json: { firstName: 'Ann' }, signer: unhashedHawkSigner, credentials });
      child.kill('SIGTERM');
      await once(child, 'exit');
      return answer.response?.status;
    };
    // Both at once: a mock process takes a while to start on a busy machine.
    expect(await Promise.all([tryUnhashed([]), tryUnhashed(['--hawk-lenient'])])).toEqual([401, 201]);
    for (const args of [['trustly', '--hawk-lenient'], ['trustist', '--auth', 'hmac-sha256', '--hawk-lenient']]) {
      const refused = await conformInProcess(['mock', ...args]);
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr).toMatch(/--hawk-lenient applies to the Trustist mock with Hawk auth only/);
    }
  }, 180_000);
  it('refuses an option the vendor\'s mock does not take, as the mock declares it, with a usage error naming the mocks that do', async () => {
    const cases: [string[], RegExp][] = [
      [['trustly', '--auth', 'hawk'], /^--auth applies to the mocks of trustist only; the trustly mock uses basic auth$/],
      [['trustist', '--auth', 'basic'], /^--auth must be hawk or hmac-sha256, not "basic"$/],
      [['trustly', '--page-size', '5'], /^--page-size applies to the mocks of trustist only$/],
      [['trustist', '--page-size', '0'], /^--page-size must be a whole number from 1 to 10000, not "0"$/],
      [['trustly', '--hawk-lenient'], /^--hawk-lenient applies to the Trustist mock with Hawk auth only; leave it out$/],
      [['trustist', '--auth', 'hmac-sha256', '--hawk-lenient'], /^--hawk-lenient applies to the Trustist mock with Hawk auth only; leave it out, or drop --auth hmac-sha256$/],
      [['acme'], /^conform mock needs one vendor: trustist or trustly \(not "acme"\)$/],
    ];
    for (const [args, message] of cases) {
      const refused = await mockCommand(args, () => {}).catch((error: unknown) => error);
      expect(refused, args.join(' ')).toBeInstanceOf(UsageError);
      expect((refused as Error).message, args.join(' ')).toMatch(message);
    }
  });

  it('lists the variants, and refuses an unknown one or two of one group with a usage error', async () => {
    const lines: string[] = [];
    expect(await mockCommand(['trustly', '--list-variants'], (line) => lines.push(line))).toBe(0);
    for (const variant of variantsOf('trustly')) expect(lines.join('\n')).toContain(variant.name);
    await expect(mockCommand(['trustist', '--variant', 'nope'], () => {})).rejects.toThrow(UsageError);
    await expect(mockCommand(['trustly', '--variant', 'list-unfiltered-none', '--variant', 'list-unfiltered-400'], () => {})).rejects.toThrow(/answer the same question \(unfiltered list\); pick one/);
  });
});
