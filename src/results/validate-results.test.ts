import { describe, expect, it } from 'vitest';
import { fixtureDocuments } from '../testing/results-fixtures.ts';
import { validateResults } from './validate-results.ts';

describe('validateResults', () => {
  it('accepts the fixtures and names what breaks the schema, whether its validator came from the cache or was compiled', async () => {
    const [document] = fixtureDocuments();
    expect(await validateResults(document)).toEqual([]);
    const broken = { ...document, rules: [{ ...document!.rules[0], status: 'sort-of' }], summary: { passed: 'many' } };
    const problems = await validateResults(broken);
    expect(problems).toContainEqual(expect.stringMatching(/^\/rules\/0\/status /));
    expect(problems).toContainEqual(expect.stringMatching(/^\/summary\/passed /));
  });
});
