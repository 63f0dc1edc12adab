import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileValidators, type SpecValidators } from './compile-validators.ts';
import { loadSpec } from './load-spec.ts';
import { VENDORS } from './vendors.ts';

/** Every example the spec gives, and each of them with one field of another type or null: values valid and invalid alike. */
function sampleValues(document: unknown): unknown[] {
  const examples: unknown[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    const record = node as Record<string, unknown>;
    if ('example' in record) examples.push(record.example);
    if (typeof record.examples === 'object' && record.examples !== null) {
      for (const example of Object.values(record.examples)) if (typeof example === 'object' && example !== null && 'value' in example) examples.push(example.value);
    }
    for (const child of Object.values(record)) visit(child);
  };
  visit(document);
  const mutated = examples.flatMap((example) => {
    if (typeof example !== 'object' || example === null || Array.isArray(example)) return [];
    return Object.keys(example).flatMap((key) => [
      { ...example, [key]: 12345 },
      { ...example, [key]: null },
      { ...example, [key]: { nested: 'x'.repeat(300) } },
    ]);
  });
  return [...examples, ...mutated, {}, null, [], 'text', 0, { customer: {} }, { customers: [{}] }];
}

/** What every validator of the spec says of every sample value, in one list. */
function verdicts(validators: SpecValidators, values: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const op of validators.operations.values()) {
    for (const value of values) {
      if (op.validateRequest) out.push(op.validateRequest(value));
      for (const response of op.responses) {
        if (response.validate) out.push(response.validate(value));
        if (response.validatePromised) out.push(response.validatePromised(value));
      }
    }
  }
  return out;
}

describe('the disk cache of compiled validators', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conform-validator-cache-'));
    vi.stubEnv('CONFORM_CACHE_DIR', dir);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    await chmod(dir, 0o700).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });

  it.each(VENDORS)('gives back, for every %s schema, validators that judge every sample exactly as the compiled ones, without compiling', async (vendor) => {
    const spec = await loadSpec(vendor);
    const values = sampleValues(spec.document);
    expect(values.length).toBeGreaterThan(50);
    const compiled = verdicts(compileValidators(spec), values);
    const stored = (await readdir(dir)).filter((name) => name.startsWith('validator-'));
    expect(stored.length).toBeGreaterThan(0);
    expect(compiled.some((v) => (v as { valid: boolean }).valid)).toBe(true);
    expect(compiled.some((v) => !(v as { valid: boolean }).valid)).toBe(true);

    const compile = vi.spyOn(Ajv2020.prototype, 'compile');
    const cached = verdicts(compileValidators(spec), values);
    expect(compile).not.toHaveBeenCalled();
    expect(cached).toStrictEqual(compiled);
  });

  it('ignores an entry that is corrupt or in a folder others may write to, and compiles instead', async () => {
    const spec = await loadSpec('trustly');
    const values = sampleValues(spec.document);
    const compiled = verdicts(compileValidators(spec), values);
    const files = (await readdir(dir)).filter((name) => name.startsWith('validator-'));
    for (const name of files) {
      const text = await readFile(join(dir, name), 'utf8');
      await writeFile(join(dir, name), text.replace('return', 'return true;'));
    }
    const compile = vi.spyOn(Ajv2020.prototype, 'compile');
    expect(verdicts(compileValidators(spec), values)).toStrictEqual(compiled);
    expect(compile).toHaveBeenCalledTimes(files.length);

    // Validators of equal schemas share an entry; in a folder that is not trusted, each compiles.
    const validators = [...compileValidators(spec).operations.values()].flatMap((op) => [op.validateRequest, ...op.responses.flatMap((r) => [r.validate, r.validatePromised])]);
    compile.mockClear();
    await chmod(dir, 0o777);
    expect(verdicts(compileValidators(spec), values)).toStrictEqual(compiled);
    expect(compile).toHaveBeenCalledTimes(validators.filter((v) => v !== undefined).length);
    expect(validators.filter((v) => v !== undefined).length).toBeGreaterThan(files.length);
  });

  it('is off with CONFORM_CACHE_DIR=off', async () => {
    vi.stubEnv('CONFORM_CACHE_DIR', 'off');
    const spec = await loadSpec('trustly');
    const validators = compileValidators(spec);
    expect(validators.validateRequest('createOrUpdateCustomer', {}).valid).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });
});
