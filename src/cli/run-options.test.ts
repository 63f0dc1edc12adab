import { describe, expect, it } from 'vitest';
import { checkAuthFlag, DEFAULT_RUNS, DEFAULT_TARGET_DEADLINE_SECONDS, DEFAULT_TARGET_MAX_WRITES, DEFAULT_TARGET_RUNS, parseRunOptions, RUN_HELP } from './run-options.ts';
import { UsageError } from './usage-error.ts';

const TARGET = ['--vendor', 'trustly', '--target', 'http://127.0.0.1:4010'];

describe('conform run: --max-writes, --rps, --deadline', () => {
  it('reads them', () => {
    const options = parseRunOptions([...TARGET, '--max-writes', '40', '--rps', '0.5', '--deadline', '90']);
    expect(options).toMatchObject({ maxWrites: 40, rps: 0.5, deadlineSeconds: 90 });
    expect(parseRunOptions(['--max-writes', '0']).maxWrites).toBe(0);
  });

  it('defaults a live target to a 1800 s deadline, a write budget and fewer runs; the embedded mocks to none of these', () => {
    expect(parseRunOptions(TARGET)).toMatchObject({ deadlineSeconds: DEFAULT_TARGET_DEADLINE_SECONDS, maxWrites: DEFAULT_TARGET_MAX_WRITES, runs: DEFAULT_TARGET_RUNS });
    expect(parseRunOptions([...TARGET, '--runs', '30'])).toMatchObject({ runs: 30 });
    const embedded = parseRunOptions([]);
    expect(embedded.runs).toBe(DEFAULT_RUNS);
    expect(embedded.deadlineSeconds).toBeUndefined();
    expect(embedded.maxWrites).toBeUndefined();
    expect(embedded.rps).toBeUndefined();
  });

  it.each([
    [['--max-writes=-1'], /^--max-writes must be a whole number/],
    [['--max-writes', '2.5'], /^--max-writes must be a whole number/],
    [['--rps', '0'], /^--rps must be a number greater than 0/],
    [['--rps', 'fast'], /^--rps must be a number greater than 0/],
    [['--deadline', '0'], /^--deadline must be a number greater than 0/],
    [['--deadline', '1e3'], /^--deadline must be a number greater than 0/],
  ])('refuses %j with a message naming the flag', (args, message) => {
    expect(() => parseRunOptions([...TARGET, ...args])).toThrow(UsageError);
    expect(() => parseRunOptions([...TARGET, ...args])).toThrow(message);
  });

  it('takes --shard I/N with a seed, and refuses it without one or out of range', () => {
    expect(parseRunOptions(['--shard', '2/3', '--seed', '5']).shard).toEqual({ index: 2, count: 3 });
    expect(() => parseRunOptions(['--shard', '1/2'])).toThrow(/--shard needs --seed/);
    for (const bad of ['0/2', '3/2', '1-2', 'a/b']) expect(() => parseRunOptions(['--shard', bad, '--seed', '1'])).toThrow(/--shard must be I\/N/);
    expect(parseRunOptions(['--baseline', 'x.json']).baseline).toBe('x.json');
  });

  it('documents them in --help', () => {
    for (const flag of ['--max-writes N', '--rps N', '--deadline SECONDS', '--baseline RESULTS', '--shard I/N']) expect(RUN_HELP).toContain(flag);
  });

});

describe('conform run --auth', () => {
  it('takes --auth for a vendor whose x-conform offers more than one auth scheme, and refuses it, naming those vendors, for one that offers a single scheme', async () => {
    await expect(checkAuthFlag(['trustly'], undefined, false)).resolves.toBeUndefined();
    await expect(checkAuthFlag(['trustist'], 'hmac-sha256', false)).resolves.toBeUndefined();
    await expect(checkAuthFlag(['trustist', 'trustly'], 'hawk', false)).resolves.toBeUndefined();
    // A signer module's path, where the command loads modules (conform run); not for pact verify.
    await expect(checkAuthFlag(['trustist'], './my-signer.mjs', true)).resolves.toBeUndefined();
    await expect(checkAuthFlag(['trustist'], './my-signer.mjs', false)).rejects.toThrow(/^--auth must be hawk or hmac-sha256, not "\.\/my-signer\.mjs"$/);
    for (const modules of [true, false]) {
      const refused = checkAuthFlag(['trustly'], 'hawk', modules);
      await expect(refused).rejects.toThrow(UsageError);
      await expect(refused).rejects.toThrow(/^--auth applies to trustist only; trustly uses basic auth$/);
    }
  });
});

