import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckContext } from '../runner/check-context.ts';
import { loadVendorSpec } from '../openapi/index.ts';
import { brokenBodies, rawBodies } from './broken-bodies.ts';
import { bodiesOf } from './record-bodies.ts';

const VENDORS = ['trustist', 'trustly'] as const;

async function contextOf(vendor: (typeof VENDORS)[number], rule: string) {
  const spec = await loadVendorSpec(vendor);
  const config = { vendor, baseUrl: 'http://127.0.0.1:9', env: {}, seed: 1, runs: 10, runId: 'test', timeoutMs: 1000, embedded: true };
  return { spec, ctx: new CheckContext(rule, config, spec, 1) };
}

describe.each(VENDORS)('%s refused-body rules', (vendor) => {
  it('send only bodies the create request schema refuses, tagged as the kind tags them', async () => {
    const spec = await loadVendorSpec(vendor);
    const rules = spec.rules.filter((r) => r.kind === 'refused-body');
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      const { ctx } = await contextOf(vendor, rule.id);
      const { bodies, examples } = brokenBodies(ctx, rule.params ?? {}, bodiesOf(ctx));
      for (const broken of [...fc.sample(bodies, 50), ...examples].flat()) {
        const body = { ...(broken.json as object), [spec.conform.record.tag.field]: 'conform-test-1.' };
        expect(spec.validators.validateRequest(spec.conform.operations.create, body).valid, `${rule.id}: ${broken.what}`).toBe(false);
      }
    }
  });
});

describe('brokenBodies', () => {
  it('with params.every, holds every listed breakage in each draw', async () => {
    const { spec, ctx } = await contextOf('trustly', 'trustly.customers.create.required-fields');
    const params = spec.rules.find((r) => r.id === ctx.rule)!.params!;
    const [draw] = fc.sample(brokenBodies(ctx, params, bodiesOf(ctx)).bodies, 1);
    expect(draw!.map((b) => b.what).sort()).toEqual(
      ['/address required property missing', '/address/country required property missing', '/email empty string', '/email required property missing', '/name empty string', '/name required property missing', '/phone required property missing'],
    );
  });

  it('turns the named values into examples every run tries first', async () => {
    const { spec, ctx } = await contextOf('trustist', 'trustist.customers.validation.country');
    const { examples } = brokenBodies(ctx, spec.rules.find((r) => r.id === ctx.rule)!.params!, bodiesOf(ctx));
    expect(examples.map(([b]) => (b!.json as { address: { country: string } }).address.country)).toEqual(['XX', 'gb', 'GBR', 'UK']);
  });

  it('raw bodies are never a JSON object', () => {
    for (const { raw } of rawBodies({ name: 'Test', externalId: 'x' })) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw!);
      } catch {
        continue;
      }
      expect(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed), raw).toBe(false);
    }
  });
});
