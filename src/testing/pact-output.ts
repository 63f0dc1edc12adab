import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the consumer tests leave the pacts they generate: generated output, git-ignored (reports/). */
export const PACT_OUTPUT_DIR = fileURLToPath(new URL('../../reports/pacts/', import.meta.url));

/** A fresh directory for one test file's pacts: Pact merges into an existing file, and old interactions must not linger. */
export function freshPactDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'conform-pact-'));
}

/** Copies a generated pact file to reports/pacts/, replacing the previous one. */
export async function publishPact(dir: string, fileName: string): Promise<string> {
  await mkdir(PACT_OUTPUT_DIR, { recursive: true });
  const target = join(PACT_OUTPUT_DIR, fileName);
  await copyFile(join(dir, fileName), target);
  return target;
}
