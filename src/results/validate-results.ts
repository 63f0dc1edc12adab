import { readFile } from 'node:fs/promises';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { cachedCompile } from '../openapi/validator-cache.ts';

const OPTIONS = { allErrors: true, strict: false, code: { source: true } } as const;
let validator: ValidateFunction | undefined;

/**
 * Validates a results document against the committed results.schema.json beside this file.
 * Compiling the schema cost every run 0.1–0.5 s at its end: the compiled validator is kept in
 * the disk cache of src/openapi, keyed by the schema, like the specs' validators.
 */
export async function validateResults(document: unknown): Promise<string[]> {
  if (!validator) {
    const schema = JSON.parse(await readFile(new URL('./results.schema.json', import.meta.url), 'utf8')) as object;
    validator = cachedCompile(OPTIONS, ['formats'], schema, () => {
      const ajv = new Ajv2020(OPTIONS);
      addFormats.default(ajv);
      return ajv;
    });
  }
  if (validator(document)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
}
