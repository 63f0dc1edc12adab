import { describe, expect, it } from 'vitest';
import { parseChaosFlags } from './chaos-options.ts';

describe('parseChaosFlags', () => {
  it('reads each option in its documented forms', () => {
    expect(parseChaosFlags({})).toBeUndefined();
    expect(parseChaosFlags({ latency: '25' })).toEqual({ latencyMs: 25 });
    expect(parseChaosFlags({ latency: '5..20' })).toEqual({ latencyMs: { min: 5, max: 20 } });
    expect(parseChaosFlags({ latency: '7..7' })).toEqual({ latencyMs: { min: 7, max: 7 } });
    expect(parseChaosFlags({ 'rate-limit': '10/s' })).toEqual({ rateLimit: 10 });
    expect(parseChaosFlags({ 'rate-limit': '10' })).toEqual({ rateLimit: 10 });
    expect(parseChaosFlags({ 'rate-limit': '0.5/s' })).toEqual({ rateLimit: 0.5 });
    expect(parseChaosFlags({ 'fail-rate': '0.1', 'drop-rate': '1' })).toEqual({ failRate: 0.1, dropRate: 1 });
    expect(parseChaosFlags({ 'fail-rate': '0', 'chaos-seed': '42' })).toEqual({ failRate: 0, seed: 42 });
  });

  it.each([
    ['latency', '-5', /--latency cannot take "-5"; write --latency MS or --latency MIN..MAX/],
    ['latency', '20..5', /--latency cannot take "20\.\.5"/],
    ['latency', '5-20', /--latency cannot take "5-20"/],
    ['latency', '1.5', /--latency cannot take "1\.5"/],
    ['latency', '600001', /--latency cannot take "600001"/],
    ['rate-limit', '0', /--rate-limit cannot take "0"; write --rate-limit N\/s or --rate-limit N/],
    ['rate-limit', '10/m', /--rate-limit cannot take "10\/m"/],
    ['rate-limit', 'fast', /--rate-limit cannot take "fast"/],
    ['fail-rate', '1.5', /--fail-rate cannot take "1\.5"; write --fail-rate P \(a probability from 0 to 1/],
    ['fail-rate', '10%', /--fail-rate cannot take "10%"/],
    ['drop-rate', '-0.1', /--drop-rate cannot take "-0\.1"/],
    ['drop-rate', '', /--drop-rate cannot take ""/],
    ['chaos-seed', '-1', /--chaos-seed cannot take "-1"; write --chaos-seed N/],
    ['chaos-seed', '4294967296', /--chaos-seed cannot take "4294967296"/],
  ] as const)('refuses --%s %j, naming the option and the form it takes', (flag, value, message) => {
    expect(() => parseChaosFlags({ [flag]: value, ...(flag === 'chaos-seed' ? { 'fail-rate': '0.1' } : {}) })).toThrow(message);
  });

  it('refuses a seed with nothing to seed', () => {
    expect(() => parseChaosFlags({ 'chaos-seed': '3' })).toThrow(/--chaos-seed seeds the chaos options, and none is given/);
  });
});
