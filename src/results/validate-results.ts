import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

let validator: ((value: unknown) => boolean) & { errors?: unknown } | undefined;

/** Validates a results document against the committed results.schema.json beside this file. */
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
