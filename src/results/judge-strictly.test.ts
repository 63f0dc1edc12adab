import { describe, expect, it } from 'vitest';
import { trustlyDocument } from '../testing/results-fixtures.ts';
import { judgeStrictly } from './judge-strictly.ts';
import { summarise, type ResultsDocument } from './results.ts';

const drift = { operation: 'getCustomer', status: 200, pointer: '/customer/createdAt', message: 'must be integer', received: '2024-06-01' };

function withDrift(status: 'passed' | 'observed' | 'failed' | 'skipped'): ResultsDocument {
  const document = trustlyDocument();
  const [first, ...rest] = document.rules;
  const rules = [{ ...first!, status, observation: { drift: [drift] } }, ...rest];
  return { ...document, rules, summary: summarise(rules) };
}

describe('judgeStrictly', () => {
  it('fails a passed or observed rule that met drift, with the failure a strict run gives, and counts it', () => {
    for (const status of ['passed', 'observed'] as const) {
      const before = withDrift(status);
      const after = judgeStrictly(before);
      expect(after.rules[0]).toMatchObject({
        status: 'failed',
        failure: { message: 'getCustomer 200 response departs from the spec (strict mode): must be integer', received: '2024-06-01', expected: 'must be integer', pointer: '/customer/createdAt' },
        observation: { drift: [drift] },
        replay: `npx conform run --vendor trustly --rule ${before.rules[0]!.id} --seed 42 --runs 100${before.embedded ? '' : ` --target ${before.target}`} --strict`,
      });
      expect(after.summary.failed).toBe(before.summary.failed + 1);
      expect(after.summary[status]).toBe(before.summary[status] - 1);
      expect(after.rules.slice(1)).toEqual(before.rules.slice(1));
    }
  });

  it('leaves a document without drift as it is, and rules already failed or skipped with theirs', () => {
    const plain = trustlyDocument();
    expect(judgeStrictly(plain)).toBe(plain);
    for (const status of ['failed', 'skipped'] as const) {
      const document = withDrift(status);
      expect(judgeStrictly(document)).toBe(document);
    }
  });

  it('ignores an observation with an empty drift list or none', () => {
    const document = trustlyDocument();
    const rules = document.rules.map((r, i) => (i === 0 ? { ...r, status: 'observed' as const, observation: { drift: [], reading: 'x' } } : i === 1 ? { ...r, observation: 'a value' } : r));
    const given = { ...document, rules };
    expect(judgeStrictly(given)).toBe(given);
  });

  it("names the run's signing scheme in the replay when another rule's replay does", () => {
    const document = withDrift('passed');
    const rules = document.rules.map((r, i) => (i === 1 ? { ...r, replay: `npx conform run --vendor trustly --rule ${r.id} --seed 42 --runs 100 --auth my-signer.mjs` } : r));
    expect(judgeStrictly({ ...document, rules }).rules[0]!.replay).toMatch(/ --auth my-signer\.mjs --strict$/);
  });
});
