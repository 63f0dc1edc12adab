import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { VENDORS, type Vendor } from '../openapi/vendors.ts';
import { newPact, pactFileName, recordInteraction, type Contract } from './contract.ts';
import { trustistContract } from './trustist-contract.ts';
import { trustlyContract } from './trustly-contract.ts';

/** The project's consumer contracts, by vendor. */
export const CONTRACTS: Record<Vendor, Contract<never>> = {
  trustist: trustistContract as Contract<never>,
  trustly: trustlyContract as Contract<never>,
};

/**
 * Writes the project's pacts into `dir` by running every interaction of conform-example-app
 * against Pact's mock server, exactly as the consumer tests do. Each file is written afresh (a
 * pact file is otherwise merged with the one already there). Returns the files' paths.
 */
export async function generatePacts(dir: string, vendors: readonly Vendor[] = VENDORS): Promise<string[]> {
  const out = resolve(dir);
  await mkdir(out, { recursive: true });
  const files: string[] = [];
  for (const vendor of vendors) {
    const contract = CONTRACTS[vendor] as Contract<unknown>;
    const file = join(out, pactFileName(contract));
    await rm(file, { force: true });
    const pact = newPact(contract, out);
    for (const interaction of contract.interactions) await recordInteraction(pact, contract, interaction);
    files.push(file);
  }
  return files;
}
