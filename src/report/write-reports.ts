import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ResultsDocument } from './results.ts';

let validator: ((value: unknown) => boolean) & { errors?: unknown } | undefined;

/** Validates a results document against the committed results.schema.json. */
export async function validateResults(document: unknown): Promise<string[]> {
  if (!validator) {
    const schema = JSON.parse(await readFile(new URL('./results.schema.json', import.meta.url), 'utf8')) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    validator = ajv.compile(schema);
  }
  if (validator(document)) return [];
  return ((validator.errors ?? []) as { instancePath: string; message?: string }[]).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
}

/** Writes DIR/<vendor>/results.json for each document; a document that breaks its schema is a bug, not a report. */
export async function writeResults(dir: string, documents: ResultsDocument[]): Promise<string[]> {
  const written: string[] = [];
  for (const document of documents) {
    const problems = await validateResults(document);
    if (problems.length > 0) throw new Error(`results for ${document.vendor} do not match results.schema.json: ${problems.join('; ')}`);
    const path = join(dir, document.vendor, 'results.json');
    await mkdir(join(dir, document.vendor), { recursive: true });
    await writeFile(path, `${JSON.stringify(document, null, 2)}\n`);
    written.push(path);
  }
  return written;
}
