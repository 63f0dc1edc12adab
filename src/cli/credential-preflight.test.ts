import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hawkSigner } from '../auth/hawk-signer.ts';
import { basicSigner } from '../auth/basic-signer.ts';
import { startMock, type RunningMock } from '../mock/start-mock.ts';
import { preflightCredentials } from './credential-preflight.ts';
import { UsageError } from './usage-error.ts';

describe('credential preflight', () => {
  let trustist: RunningMock;
  let trustly: RunningMock;
  beforeAll(async () => {
    trustist = await startMock('trustist', { env: {} });
    trustly = await startMock('trustly', { env: {} });
  });
  afterAll(async () => {
    await trustist?.close();
    await trustly?.close();
  });

  const trustistRun = (env: Record<string, string | undefined>) => preflightCredentials({ vendor: 'trustist', baseUrl: trustist.url, env, signer: hawkSigner, timeoutMs: 5000 });
  const trustlyRun = (env: Record<string, string | undefined>) => preflightCredentials({ vendor: 'trustly', baseUrl: trustly.url, env, signer: basicSigner, timeoutMs: 5000 });
  const failure = (run: Promise<unknown>) => run.then(() => undefined, (error: unknown) => error);

  it('accepts every configured Trustist key, the no-read key (403 on a read) included; the merchant key is not probed', async () => {
    const tried = await trustistRun(trustist.credentials);
    expect(tried.sort()).toEqual(['TRUSTIST_KEY_ID', 'TRUSTIST_NOONBOARD_KEY_ID', 'TRUSTIST_NOREAD_KEY_ID', 'TRUSTIST_READONLY_KEY_ID', 'TRUSTIST_TENANT_B_KEY_ID']);
  });

  it('names the variable of a Trustist key the target refuses, primary or optional', async () => {
    for (const [idVar, secretVar] of [
      ['TRUSTIST_KEY_ID', 'TRUSTIST_KEY_SECRET'],
      ['TRUSTIST_READONLY_KEY_ID', 'TRUSTIST_READONLY_KEY_SECRET'],
      ['TRUSTIST_NOREAD_KEY_ID', 'TRUSTIST_NOREAD_KEY_SECRET'],
      ['TRUSTIST_NOONBOARD_KEY_ID', 'TRUSTIST_NOONBOARD_KEY_SECRET'],
    ]) {
      const error = await failure(trustistRun({ ...trustist.credentials, [secretVar!]: 'wrong-secret' }));
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(new RegExp(`refused ${idVar} \\(401`));
      expect((error as Error).message.split('\n')).toHaveLength(1);
    }
  });

  it('does not probe an optional key whose variables are not both set', async () => {
    const tried = await trustistRun({ TRUSTIST_KEY_ID: trustist.credentials.TRUSTIST_KEY_ID, TRUSTIST_KEY_SECRET: trustist.credentials.TRUSTIST_KEY_SECRET, TRUSTIST_TENANT_B_KEY_ID: 'x' });
    expect(tried).toEqual(['TRUSTIST_KEY_ID']);
  });

  it('a key that should read and gets 403 is the wrong key: the read-only key given a no-read key', async () => {
    const c = trustist.credentials;
    const error = await failure(trustistRun({ ...c, TRUSTIST_READONLY_KEY_ID: c.TRUSTIST_NOREAD_KEY_ID, TRUSTIST_READONLY_KEY_SECRET: c.TRUSTIST_NOREAD_KEY_SECRET }));
    expect((error as Error).message).toMatch(/refused TRUSTIST_READONLY_KEY_ID \(403/);
  });

  it('accepts both Trustly merchants and names a refused one', async () => {
    expect((await trustlyRun(trustly.credentials)).sort()).toEqual(['TRUSTLY_ACCESS_ID', 'TRUSTLY_MERCHANT_B_ACCESS_ID']);
    const error = await failure(trustlyRun({ ...trustly.credentials, TRUSTLY_MERCHANT_B_ACCESS_KEY: 'wrong' }));
    expect((error as Error).message).toMatch(/refused TRUSTLY_MERCHANT_B_ACCESS_ID \(401/);
  });

  it('writes nothing', async () => {
    const before = JSON.stringify(trustist.snapshot());
    await trustistRun(trustist.credentials);
    expect(JSON.stringify(trustist.snapshot())).toBe(before);
  });
});
