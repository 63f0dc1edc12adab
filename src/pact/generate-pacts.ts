import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Vendor } from '../openapi/vendors.ts';
import { newPact, pactFileName, recordInteraction, type Contract } from './contract.ts';
import { PACT_PROVIDERS, pactProvider } from './pact-providers.ts';

/**
 * Writes the project's pacts into `dir` by running every interaction of conform-example-app
 * against Pact's mock server, exactly as the consumer tests do. Each file is written afresh (a
 * pact file is otherwise merged with the one already there). Returns the files' paths.
 */
export async function generatePacts(dir: string, vendors: readonly Vendor[] = PACT_PROVIDERS.map((p) => p.vendor)): Promise<string[]> {
  const out = resolve(dir);
  await mkdir(out, { recursive: true });
  const files: string[] = [];
  for (const vendor of vendors) {
    const contract = (await pactProvider(vendor).contract()) as Contract<unknown>;
    const file = join(out, pactFileName(contract));
    await rm(file, { force: true });
    const pact = newPact(contract, out);
    for (const interaction of contract.interactions) await recordInteraction(pact, contract, interaction);
    files.push(file);
  }
  return files;
}
