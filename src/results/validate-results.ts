import { readFile } from 'node:fs/promises';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { cachedValidator, storeValidator, validatorKey } from '../openapi/validator-cache.ts';

const OPTIONS = { allErrors: true, strict: false, code: { source: true } } as const;
let validator: ValidateFunction | undefined;

/**
 * Validates a results document against the committed results.schema.json beside this file.
 * Compiling the schema cost every run 0.1–0.5 s at its end: the compiled validator is kept in
 * the disk cache of src/openapi, keyed by the schema, like the specs' validators.
 */
export async function validateResults(document: unknown): Promise<string[]> {
  validator ??= await compileSchema();
  if (validator(document)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
}

async function compileSchema(): Promise<ValidateFunction> {
  const schema = JSON.parse(await readFile(new URL('./results.schema.json', import.meta.url), 'utf8')) as object;
  const key = validatorKey(OPTIONS, ['formats'], schema);
  const cached = key === undefined ? undefined : cachedValidator(key);
  if (cached) return cached;
  const [{ Ajv2020 }, { default: addFormats }] = await Promise.all([import('ajv/dist/2020.js'), import('ajv-formats')]);
  const ajv = new Ajv2020(OPTIONS);
  addFormats.default(ajv);
  const compiled = ajv.compile(schema);
  if (key !== undefined) storeValidator(key, ajv, compiled);
  return compiled;
}
