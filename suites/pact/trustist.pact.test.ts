import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPact, pactFileName, recordInteraction } from '../../src/pact/contract.ts';
import { freshPactDir, publishPact } from '../../src/testing/pact-output.ts';
import { trustistContract } from '../../src/pact/trustist-contract.ts';

// Consumer tests of conform-example-app against Trustist: each interaction runs the app's own
// code (src/pact/trustist-app.ts, on the typed client) against Pact's mock server, and the
// pact file the run writes is copied to reports/pacts/ for `conform pact verify --pact-dir`.
describe(`${trustistContract.consumer} -> ${trustistContract.provider}`, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await freshPactDir();
  });
  afterAll(async () => {
    const file = join(dir, pactFileName(trustistContract));
    if (existsSync(file)) await publishPact(dir, pactFileName(trustistContract));
    await rm(dir, { recursive: true, force: true });
  });

  for (const interaction of trustistContract.interactions) {
    it(interaction.description, async () => {
      await recordInteraction(newPact(trustistContract, dir), trustistContract, interaction);
    });
  }

  it('writes every interaction to the pact file', async () => {
    const { readPact } = await import('../../src/pact/read-pact.ts');
    const pact = await readPact(join(dir, pactFileName(trustistContract)));
    expect(pact.interactions.map((i) => i.description).sort()).toEqual(trustistContract.interactions.map((i) => i.description).sort());
    expect(pact.specification).toMatch(/^4/);
  });
});
