import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadVendorSpec } from '../openapi/index.ts';
import type { Check } from './check.ts';
import { formatFailure } from './format-outcome.ts';
import { redactExchange } from './redact.ts';
import type { RunConfig } from './run-config.ts';
import { RuleFailure } from './rule-failure.ts';
import { ruleSeed, runCheck } from './run-check.ts';

const config: RunConfig = {
  vendor: 'trustist',
  baseUrl: 'http://127.0.0.1:9',
  env: { TRUSTIST_KEY_ID: 'id-a', TRUSTIST_KEY_SECRET: 'very-secret-a' },
  seed: 42,
  runs: 50,
  runId: 'abc123',
  timeoutMs: 1000,
  embedded: true,
};

const check = (rule: string, run: Check['run']): Check => ({ rule, area: 'test', run });

describe('runCheck', () => {
  it('maps a returning check to passed, or observed for an observed rule', async () => {
    const spec = await loadVendorSpec('trustist');
    expect((await runCheck(check('trustist.auth.required', async () => {}), spec, config)).status).toBe('passed');
    const observed = await runCheck(check('trustist.customers.list.shape', async (ctx) => ctx.observe({ shape: 'array' })), spec, config);
    expect(observed.status).toBe('observed');
    expect(observed.observation).toEqual({ shape: 'array' });
  });

  it('maps a skip to skipped with the reason naming the missing variables', async () => {
    const spec = await loadVendorSpec('trustist');
    const outcome = await runCheck(
      check('trustist.tenancy.get-isolated', async (ctx) => {
        ctx.credentials('TRUSTIST_TENANT_B_KEY_ID', 'TRUSTIST_TENANT_B_KEY_SECRET');
      }),
      spec,
      config,
    );
    expect(outcome.status).toBe('skipped');
    expect(outcome.reason).toMatch(/TRUSTIST_TENANT_B_KEY_ID and TRUSTIST_TENANT_B_KEY_SECRET/);
  });

  it('records a failure as data with Received, Expected and the replay command', async () => {
    const spec = await loadVendorSpec('trustist');
    const outcome = await runCheck(
      check('trustist.customers.get.unknown', async () => {
        throw new RuleFailure('an unknown id answered 200', { received: 200, expected: 404 });
      }),
      spec,
      config,
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.failure).toMatchObject({ received: 200, expected: 404 });
    expect(outcome.replay).toBe('npx conform run --vendor trustist --rule trustist.customers.get.unknown --seed 42 --runs 50');
    const text = formatFailure(outcome);
    expect(text).toMatch(/Received: 200/);
    expect(text).toMatch(/Expected: 404/);
    expect(text).toMatch(/Replay: npx conform run/);
  });

  it('shrinks a property failure to the minimal counterexample, and the same seed finds the same one', async () => {
    const spec = await loadVendorSpec('trustist');
    // A "target" that truncates names over 64 characters: the minimal counterexample is 65 characters.
    const truncating = check('trustist.customers.get.round-trip', async (ctx) => {
      await ctx.property(fc.string({ maxLength: 100, size: 'max' }), async (name) => {
        ctx.assertEqual(name.slice(0, 64), name, 'the name came back changed');
      });
    });
    const first = await runCheck(truncating, spec, config);
    const second = await runCheck(truncating, spec, config);
    expect(first.status).toBe('failed');
    expect((first.counterexample as string).length).toBe(65);
    expect(second.counterexample).toEqual(first.counterexample);
    expect(second.path).toEqual(first.path);
  });

  it('turns an unexpected error into a failure instead of crashing the run', async () => {
    const spec = await loadVendorSpec('trustist');
    const outcome = await runCheck(
      check('trustist.auth.required', async () => {
        throw new TypeError('boom');
      }),
      spec,
      config,
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.failure?.message).toMatch(/boom/);
  });

  it('derives a stable, distinct seed per rule', () => {
    expect(ruleSeed(42, 'a.b')).toBe(ruleSeed(42, 'a.b'));
    expect(ruleSeed(42, 'a.b')).not.toBe(ruleSeed(42, 'a.c'));
    expect(ruleSeed(42, 'a.b')).not.toBe(ruleSeed(43, 'a.b'));
  });
});

describe('redactExchange', () => {
  it('keeps only the scheme of credential headers and blanks every secret', () => {
    const redacted = redactExchange(
      {
        request: { method: 'GET', url: 'http://x/?k=very-secret-a', headers: { authorization: 'Basic dXNlcjpwYXNz', 'x-echo': 'very-secret-a' }, body: '{"s":"very-secret-a"}' },
        response: { status: 200, headers: { 'content-type': 'application/json' }, body: 'very-secret-a' },
        durationMs: 1.234,
      },
      ['very-secret-a'],
    );
    expect(JSON.stringify(redacted)).not.toContain('very-secret-a');
    expect(JSON.stringify(redacted)).not.toContain('dXNlcjpwYXNz');
    expect(redacted.request.headers.authorization).toBe('Basic [redacted]');
  });
});

describe('outcomes are plain data', () => {
  it('renders a counterexample that is not plain data (a fast-check command sequence) as text', async () => {
    const spec = await loadVendorSpec('trustist');
    class Step {
      check() {
        return true;
      }
      async run() {
        throw new RuleFailure('the model disagrees');
      }
      toString() {
        return 'create({})';
      }
    }
    const outcome = await runCheck(
      check('trustist.model.stateful', async (ctx) => {
        await ctx.property(fc.commands([fc.constant(new Step())], { maxCommands: 3 }), async (commands) => {
          await fc.asyncModelRun(() => ({ model: {}, real: {} }), commands);
        });
      }),
      spec,
      config,
    );
    expect(outcome.status).toBe('failed');
    expect(typeof outcome.counterexample).toBe('string');
    expect(outcome.counterexample).toContain('create({})');
    expect(() => structuredClone(outcome)).not.toThrow();
  });
});
