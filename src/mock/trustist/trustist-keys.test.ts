import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTrustistMock } from './start-trustist-mock.ts';
import { GUID, KEYS, startTestMock, type TestMock } from '../../testing/trustist-test-kit.ts';

const started: { close(): Promise<void> }[] = [];
async function start(...args: Parameters<typeof startTestMock>): Promise<TestMock> {
  const mock = await startTestMock(...args);
  started.push(mock);
  return mock;
}
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(started.splice(0).map((m) => m.close()));
});

const VARIABLES = Object.values(KEYS).flatMap((k) => [`${k}_KEY_ID`, `${k}_KEY_SECRET`]);

function envKeys(): Record<string, string> {
  return Object.fromEntries(VARIABLES.map((v) => [v, v.endsWith('_ID') ? randomUUID() : `secret-of-${v}-${randomUUID()}`]));
}

describe('Trustist mock keys', () => {
  it('generates every key of design.md when none is set: GUID ids, 32-byte base64url secrets, all distinct', async () => {
    const mock = await start();
    expect(Object.keys(mock.credentials).sort()).toEqual([...VARIABLES].sort());
    const ids = VARIABLES.filter((v) => v.endsWith('_ID')).map((v) => mock.credentials[v]!);
    for (const id of ids) expect(id).toMatch(GUID);
    expect(new Set(ids).size).toBe(ids.length);
    for (const v of VARIABLES.filter((v) => v.endsWith('_SECRET'))) expect(Buffer.from(mock.credentials[v]!, 'base64url')).toHaveLength(32);
    const other = await start();
    expect(other.credentials.TRUSTIST_KEY_SECRET).not.toBe(mock.credentials.TRUSTIST_KEY_SECRET);
  });

  it('uses the keys options.env carries, and no generated ones', async () => {
    const env = envKeys();
    const mock = await start({ env });
    expect(mock.credentials).toEqual(env);
    const created = await mock.call('POST', '/v1/customers', { json: { orgId: 'x' }, credentials: { id: env.TRUSTIST_KEY_ID!, secret: env.TRUSTIST_KEY_SECRET! } });
    expect(created.status).toBe(201);
    expect((await mock.call('GET', `/v1/customers/${created.json.id}`, { credentials: { id: env.TRUSTIST_TENANT_B_KEY_ID!, secret: env.TRUSTIST_TENANT_B_KEY_SECRET! } })).status).toBe(404);
    expect((await mock.call('POST', '/v1/customers', { json: {}, credentials: { id: env.TRUSTIST_READONLY_KEY_ID!, secret: env.TRUSTIST_READONLY_KEY_SECRET! } })).status).toBe(403);
    // A generated key of another mock is a stranger here.
    const generated = await start();
    expect((await mock.call('GET', '/v1/customers', { credentials: generated.credentialsOf('A') })).status).toBe(401);
  });

  it('reads each variable on its own: the unset ones are generated', async () => {
    const mock = await start({ env: { TRUSTIST_KEY_ID: 'my-key', TRUSTIST_KEY_SECRET: 'my-secret', TRUSTIST_NOREAD_KEY_SECRET: '' } });
    expect(mock.credentials.TRUSTIST_KEY_ID).toBe('my-key');
    expect(mock.credentials.TRUSTIST_KEY_SECRET).toBe('my-secret');
    expect(mock.credentials.TRUSTIST_NOREAD_KEY_SECRET).not.toBe('');
    expect((await mock.call('GET', '/v1/customers', { credentials: { id: 'my-key', secret: 'my-secret' } })).status).toBe(200);
  });

  it('reads process.env when options.env is not given', async () => {
    vi.stubEnv('TRUSTIST_KEY_ID', 'from-process-env');
    const mock = await startTrustistMock();
    started.push(mock);
    expect(mock.credentials.TRUSTIST_KEY_ID).toBe('from-process-env');
  });

  it('refuses two variables naming the same key id', async () => {
    await expect(startTrustistMock({ env: { TRUSTIST_KEY_ID: 'same', TRUSTIST_READONLY_KEY_ID: 'same' } })).rejects.toThrow(/TRUSTIST_READONLY_KEY_ID and TRUSTIST_KEY_ID/);
  });

  it('refuses an unknown fault, listing the valid ones', async () => {
    await expect(startTrustistMock({ env: {}, fault: 'no-such-fault' })).rejects.toThrow(/unknown Trustist fault "no-such-fault"; valid faults: auth-missing-accepted, .*list-prefix-match/);
  });
});
